import { Rng } from '../rng';
import { gridConfigs } from './grid';
import {
  configFrom,
  configKey,
  coordinates,
  type Dimension,
  distance,
  type SearchConfig,
  sampleConfig,
  spaceSize,
} from './space';

/** A config with the score a trial gave it; lower is better, non-finite is a failed trial. */
export interface Scored {
  config: SearchConfig;
  score: number;
}

/** Proposes the next config from the trials so far; undefined when it has nothing new to try. */
export interface Proposer {
  next(history: readonly Scored[]): SearchConfig | undefined;
}

export interface LipoOptions {
  seed: number;
  /** Random candidates scored by the bound at each step (a small finite space is enumerated instead). */
  candidates?: number;
  /** Chance of a uniformly random step, which keeps the Lipschitz estimate honest (AdaLIPO). */
  exploration?: number;
}

/**
 * LIPO global optimisation (Malherbe and Vayatis, 2017), minimising. If the score f is Lipschitz
 * with constant k in the space's metric, then after trials (x_i, f_i) every point x satisfies
 * f(x) >= L(x) = max_i (f_i - k d(x, x_i)): points whose bound is not below the best score so far
 * cannot beat it. k is estimated from the trials as the largest slope between two of them
 * (AdaLIPO). A global step tries the candidate with the lowest bound; as in dlib's MaxLIPO+TR, it
 * alternates with a local step among perturbations of the best config, whose radius doubles
 * when a local step improves the best and halves when it does not.
 */
export function lipoProposer(dims: readonly Dimension[], options: LipoOptions): Proposer {
  const rng = new Rng(options.seed);
  const candidateCount = options.candidates ?? 1000;
  const exploration = options.exploration ?? 0.1;
  const all = spaceSize(dims) <= candidateCount ? gridConfigs(dims) : undefined;
  let steps = 0;
  let radius = 0.2;
  let pendingLocal: { key: string; bestBefore: number } | undefined;

  return {
    next(history) {
      const seen = new Set(history.map((h) => configKey(h.config)));
      const finite = history.filter((h) => Number.isFinite(h.score));
      const best = finite.reduce<Scored | undefined>((b, h) => (b && b.score <= h.score ? b : h), undefined);
      if (pendingLocal) {
        const tried = history.find((h) => configKey(h.config) === pendingLocal?.key);
        const improved = tried !== undefined && tried.score < pendingLocal.bestBefore;
        radius = improved ? Math.min(0.5, radius * 2) : Math.max(0.01, radius / 2);
        pendingLocal = undefined;
      }
      steps++;
      const fresh = (configs: SearchConfig[]) => configs.filter((c) => !seen.has(configKey(c)));
      const random = () => fresh(all ?? Array.from({ length: candidateCount }, () => sampleConfig(dims, rng)));
      if (finite.length < 2 || !best || rng.next() < exploration) return pick(random(), rng);

      const points = history.map((h) => coordinates(dims, h.config));
      const values = boundedScores(history);
      const k = lipschitzEstimate(dims, points, values);
      if (k === 0) return pick(random(), rng);
      const lowerBound = (c: SearchConfig) => {
        const x = coordinates(dims, c);
        let bound = Number.NEGATIVE_INFINITY;
        points.forEach((p, i) => {
          bound = Math.max(bound, values[i] - k * distance(dims, x, p));
        });
        return bound;
      };
      const local = steps % 2 === 0;
      const candidates = local
        ? fresh(Array.from({ length: 200 }, () => perturb(dims, best.config, radius, rng)))
        : random();
      const chosen = argmin(candidates, lowerBound) ?? pick(random(), rng);
      if (local && chosen) pendingLocal = { key: configKey(chosen), bestBefore: best.score };
      return chosen;
    },
  };
}

/** Failed trials count as a little worse than the worst finite score, so the bound avoids them. */
function boundedScores(history: readonly Scored[]): number[] {
  const finite = history.map((h) => h.score).filter(Number.isFinite);
  const worst = Math.max(...finite);
  const spread = worst - Math.min(...finite);
  return history.map((h) => (Number.isFinite(h.score) ? h.score : worst + Math.max(spread, 1e-9)));
}

/** The largest slope |f_i - f_j| / d(x_i, x_j) over pairs of distinct points. */
export function lipschitzEstimate(dims: readonly Dimension[], points: number[][], values: number[]): number {
  let k = 0;
  for (let i = 0; i < points.length; i++) {
    for (let j = i + 1; j < points.length; j++) {
      const d = distance(dims, points[i], points[j]);
      if (d > 0) k = Math.max(k, Math.abs(values[i] - values[j]) / d);
    }
  }
  return k;
}

/** A config near another: a range moved by a normal step of `radius` of its log span, a rank moved by one, a category changed sometimes. */
function perturb(dims: readonly Dimension[], config: SearchConfig, radius: number, rng: Rng): SearchConfig {
  return configFrom(
    dims.map((d) => {
      const v = config[d.key];
      if (d.kind === 'range') {
        const lo = Math.log(d.min);
        const hi = Math.log(d.max);
        const moved = Math.log(Number(v)) + rng.normal() * radius * (hi - lo);
        return [d.key, Math.exp(Math.min(hi, Math.max(lo, moved)))];
      }
      const i = d.values.indexOf(v as number | string);
      if (rng.next() >= Math.max(radius, 1 / dims.length)) return [d.key, d.values[i]];
      if (d.kind === 'categorical') return [d.key, d.values[Math.floor(rng.next() * d.values.length)]];
      const j = Math.min(d.values.length - 1, Math.max(0, i + (rng.next() < 0.5 ? -1 : 1)));
      return [d.key, d.values[j]];
    }),
  );
}

function argmin<T>(items: readonly T[], f: (item: T) => number): T | undefined {
  let best: T | undefined;
  let bestValue = Number.POSITIVE_INFINITY;
  for (const item of items) {
    const v = f(item);
    if (v < bestValue) {
      best = item;
      bestValue = v;
    }
  }
  return best;
}

function pick<T>(items: readonly T[], rng: Rng): T | undefined {
  return items.length ? items[Math.floor(rng.next() * items.length)] : undefined;
}
