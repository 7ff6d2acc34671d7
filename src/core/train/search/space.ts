import type { BatchSize } from '../../data/batches';
import type { OptimizerType } from '../optimizer-factory';
import type { Rng } from '../rng';

/** What a search may vary; a dimension left out keeps the model's own setting. */
export interface SearchSpace {
  /** A range searched on a log scale, or a list of rates. */
  learningRate?: { min: number; max: number } | readonly number[];
  batchSize?: readonly BatchSize[];
  /** Units of the hidden dense layers (or of the one node chosen). */
  units?: readonly number[];
  /** Node types for the hidden activations (relu, tanh, ...). */
  activation?: readonly string[];
  optimizer?: readonly OptimizerType[];
}

/** One point of a space: the hyperparameters a trial trains with. */
export interface SearchConfig {
  learningRate?: number;
  batchSize?: BatchSize;
  units?: number;
  activation?: string;
  optimizer?: OptimizerType;
}

type Value = number | string;

/** A search space or config that does not fit the model (a node that is not dense, an empty list). */
export class SearchError extends Error {
  override name = 'SearchError';
}

/**
 * One axis as the search methods see it. range: a log-scaled interval. ordered: numbers (or
 * 'full') placed by rank. categorical: names that are equal or not, with nothing in between.
 */
export type Dimension =
  | { key: 'learningRate'; kind: 'range'; min: number; max: number }
  | { key: keyof SearchConfig; kind: 'ordered' | 'categorical'; values: readonly Value[] };

const order: (keyof SearchConfig)[] = ['learningRate', 'batchSize', 'units', 'activation', 'optimizer'];

export function dimensions(space: SearchSpace): Dimension[] {
  const dims: Dimension[] = [];
  for (const key of order) {
    const given = space[key];
    if (given === undefined) continue;
    if (!Array.isArray(given)) {
      const { min, max } = given as { min: number; max: number };
      if (!(min > 0 && max >= min))
        throw new SearchError(`learning rate range needs 0 < min <= max, got ${min}:${max}`);
      dims.push({ key: 'learningRate', kind: 'range', min, max });
      continue;
    }
    const values = [...new Set(given as readonly Value[])];
    if (values.length === 0) throw new SearchError(`the search space lists no ${key} values`);
    const numeric = values.every((v) => typeof v === 'number' || v === 'full');
    if (numeric) values.sort((a, b) => rank(a) - rank(b));
    dims.push({ key, kind: numeric ? 'ordered' : 'categorical', values });
  }
  return dims;
}

function rank(v: Value): number {
  return v === 'full' ? Number.POSITIVE_INFINITY : Number(v);
}

/** How many configs the space holds; Infinity with a learning-rate range. */
export function spaceSize(dims: readonly Dimension[]): number {
  return dims.reduce((n, d) => n * (d.kind === 'range' ? Number.POSITIVE_INFINITY : d.values.length), 1);
}

export function configFrom(entries: [keyof SearchConfig, Value][]): SearchConfig {
  return Object.fromEntries(entries) as SearchConfig;
}

/** A config drawn uniformly: log-uniform within a range, any listed value with equal chance. */
export function sampleConfig(dims: readonly Dimension[], rng: Rng): SearchConfig {
  return configFrom(
    dims.map((d) => [
      d.key,
      d.kind === 'range'
        ? Math.exp(rng.uniform(Math.log(d.min), Math.log(d.max)))
        : d.values[Math.floor(rng.next() * d.values.length)],
    ]),
  );
}

/** Each axis mapped to [0, 1] (log scale for a range, rank for ordered values); categories by index. */
export function coordinates(dims: readonly Dimension[], config: SearchConfig): number[] {
  return dims.map((d) => {
    const v = config[d.key];
    if (d.kind === 'range') {
      const span = Math.log(d.max) - Math.log(d.min);
      return span > 0 ? (Math.log(Number(v)) - Math.log(d.min)) / span : 0;
    }
    const i = d.values.indexOf(v as Value);
    return d.kind === 'categorical' || d.values.length < 2 ? i : i / (d.values.length - 1);
  });
}

/**
 * The metric the model-based search assumes the score is Lipschitz in: Euclidean over the scaled
 * numeric axes, plus 1 (an axis's whole length) for every category that differs.
 */
export function distance(dims: readonly Dimension[], a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  dims.forEach((d, j) => {
    const diff = d.kind === 'categorical' ? (a[j] === b[j] ? 0 : 1) : a[j] - b[j];
    sum += diff * diff;
  });
  return Math.sqrt(sum);
}

/** Identifies a config, so that a method does not propose the same one twice. */
export function configKey(config: SearchConfig): string {
  return JSON.stringify(order.map((k) => config[k] ?? null));
}
