import { configFrom, type Dimension, type SearchConfig } from './space';

/** Points of a learning-rate range in a grid: log-spaced from min to max. */
export const DEFAULT_GRID_POINTS = 3;

/**
 * Every combination of the listed values (the last axis varies fastest); a learning-rate range
 * contributes `points` rates spaced evenly on a log scale, ends included.
 */
export function gridConfigs(dims: readonly Dimension[], points = DEFAULT_GRID_POINTS): SearchConfig[] {
  const axes = dims.map((d) => (d.kind === 'range' ? logSpaced(d.min, d.max, points) : d.values));
  let combos: (number | string)[][] = [[]];
  for (const values of axes) combos = combos.flatMap((combo) => values.map((v) => [...combo, v]));
  return combos.map((combo) => configFrom(dims.map((d, j) => [d.key, combo[j]])));
}

function logSpaced(min: number, max: number, points: number): number[] {
  if (points < 2 || min === max) return [min];
  const step = Math.log(max / min) / (points - 1);
  return Array.from({ length: points }, (_, i) => (i === points - 1 ? max : min * Math.exp(step * i)));
}
