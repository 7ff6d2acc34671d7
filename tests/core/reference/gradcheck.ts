import type { GradCheckEntry } from '../../../src/core/inspect/gradcheck';

/** One line per failed gradient-check entry: its largest relative error and the first few values. */
export function describeFailures(entries: GradCheckEntry[]): string {
  return entries
    .filter((e) => !e.passed)
    .map(
      (e) =>
        `${e.name}: max rel ${e.maxRelError.toExponential(2)}, analytic ${e.analytic.slice(0, 4)} numeric ${e.numeric.slice(0, 4)}`,
    )
    .join('\n');
}
