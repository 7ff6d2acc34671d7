import { Rng } from '../rng';
import { DEFAULT_GRID_POINTS, gridConfigs } from './grid';
import { lipoProposer, type Proposer, type Scored } from './lipo';
import { configKey, type Dimension, type SearchConfig, sampleConfig, spaceSize } from './space';

export type SearchMethod = 'grid' | 'random' | 'lipo';
export const searchMethods: readonly SearchMethod[] = ['grid', 'random', 'lipo'];

export interface ProposerOptions {
  seed?: number;
  /** Grid: rates taken from a learning-rate range. */
  gridPoints?: number;
}

/** Grid: the product in order. Random: seeded uniform draws, no config twice. LIPO: model-based. */
export function createProposer(
  method: SearchMethod,
  dims: readonly Dimension[],
  options: ProposerOptions = {},
): Proposer {
  const seed = options.seed ?? 0;
  if (method === 'lipo') return lipoProposer(dims, { seed });
  if (method === 'grid') {
    const configs = gridConfigs(dims, options.gridPoints ?? DEFAULT_GRID_POINTS);
    return { next: (history) => configs[history.length] };
  }
  const rng = new Rng(seed);
  const size = spaceSize(dims);
  return {
    next(history) {
      const seen = new Set(history.map((h) => configKey(h.config)));
      if (seen.size >= size) return undefined;
      // A finite space may be nearly used up: redraw until a new config comes, as sampling without replacement.
      for (;;) {
        const config = sampleConfig(dims, rng);
        if (!seen.has(configKey(config))) return config;
      }
    },
  };
}

export interface Trial<T> extends Scored {
  /** Whatever the objective returned besides the score. */
  value: T;
}

/**
 * Runs up to `trials` trials: the proposer picks each config from the scores so far, the
 * objective scores it (lower is better). Ends early when the proposer has nothing new.
 */
export async function runSearch<T>(
  proposer: Proposer,
  trials: number,
  objective: (config: SearchConfig, index: number) => Promise<{ score: number; value: T }>,
): Promise<Trial<T>[]> {
  const history: Trial<T>[] = [];
  while (history.length < trials) {
    const config = proposer.next(history);
    if (!config) break;
    const { score, value } = await objective(config, history.length);
    history.push({ config, score, value });
  }
  return history;
}
