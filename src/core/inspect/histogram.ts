/** Summary statistics of a set of values; non-finite values are counted and left out of the rest. */
export interface ValueStats {
  /** Finite values summarised. */
  count: number;
  mean: number;
  /** Population standard deviation (divided by count). */
  std: number;
  min: number;
  max: number;
  /** NaN and infinite values found. */
  nonFinite: number;
}

/**
 * Counts of values in equal-width bins over [min, max]; the last bin includes max. Values outside
 * the range (when it was given) are counted in below and above rather than dropped silently.
 */
export interface Histogram {
  min: number;
  max: number;
  binWidth: number;
  counts: number[];
  below: number;
  above: number;
}

export interface HistogramOptions {
  /** Number of bins; 20 by default. */
  bins?: number;
  /** Range of the bins; the data's own min and max when left out. */
  range?: readonly [number, number];
}

export const DEFAULT_BINS = 20;

export function valueStats(values: ArrayLike<number>): ValueStats {
  let count = 0;
  let sum = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) {
      nonFinite++;
      continue;
    }
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return { count, mean: Number.NaN, std: Number.NaN, min: Number.NaN, max: Number.NaN, nonFinite };
  const mean = sum / count;
  // Two passes: the one-pass formula sum(v^2)/n - mean^2 cancels catastrophically in float arithmetic.
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) squares += (v - mean) * (v - mean);
  }
  return { count, mean, std: Math.sqrt(squares / count), min, max, nonFinite };
}

export function histogram(values: ArrayLike<number>, options: HistogramOptions = {}): Histogram {
  const bins = options.bins ?? DEFAULT_BINS;
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError(`a histogram needs a whole number of bins, not ${bins}`);
  let [min, max] = options.range ?? dataRange(values);
  if (!(min <= max)) throw new RangeError(`histogram range [${min}, ${max}] is empty`);
  // All values equal: one unit-wide range around them, so that the bins have a width.
  if (min === max) [min, max] = [min - 0.5, max + 0.5];
  const binWidth = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isNaN(v)) continue;
    if (v < min) below++;
    else if (v > max) above++;
    else counts[Math.min(bins - 1, Math.floor((v - min) / binWidth))]++;
  }
  return { min, max, binWidth, counts, below, above };
}

/** The finite values' min and max; [0, 0] when there are none. */
function dataRange(values: ArrayLike<number>): [number, number] {
  const { count, min, max } = valueStats(values);
  return count === 0 ? [0, 0] : [min, max];
}

/** L2 norm, mean absolute value and root mean square, the sizes gradient rules compare. */
export interface Magnitude {
  size: number;
  norm: number;
  meanAbs: number;
  /** norm / sqrt(size): comparable between tensors of different sizes. */
  rms: number;
  nonFinite: number;
}

export function magnitude(values: ArrayLike<number>): Magnitude {
  let squares = 0;
  let abs = 0;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) nonFinite++;
    squares += v * v;
    abs += Math.abs(v);
  }
  const size = values.length;
  const norm = Math.sqrt(squares);
  return { size, norm, meanAbs: size ? abs / size : 0, rms: size ? norm / Math.sqrt(size) : 0, nonFinite };
}

/** Magnitudes of several tensors taken as one vector (a layer's parameters together, say). */
export function combineMagnitudes(parts: readonly Magnitude[]): Magnitude {
  const size = parts.reduce((n, p) => n + p.size, 0);
  const squares = parts.reduce((s, p) => s + p.norm * p.norm, 0);
  const abs = parts.reduce((s, p) => s + p.meanAbs * p.size, 0);
  const norm = Math.sqrt(squares);
  return {
    size,
    norm,
    meanAbs: size ? abs / size : 0,
    rms: size ? norm / Math.sqrt(size) : 0,
    nonFinite: parts.reduce((n, p) => n + p.nonFinite, 0),
  };
}
