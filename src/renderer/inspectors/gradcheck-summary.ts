import type { GradcheckResult } from '../../protocol/inspect-messages';
import { plural, shortNumber } from './inspect-format';

/** The verdict in one line, with how it was decided. */
export function gradcheckSummary(result: GradcheckResult): string {
  const failed = result.rows.filter((r) => !r.passed).length;
  const verdict = failed
    ? `${failed} of ${plural(result.rows.length, 'tensor')} fail`
    : `All ${plural(result.rows.length, 'tensor')} pass`;
  return (
    `${verdict}: backprop's gradient against central differences (f(x+ε) − f(x−ε)) / 2ε, ε = ${shortNumber(result.epsilon)}, ` +
    `in float64 on ${result.data}; a tensor passes when every relative error is at most ${shortNumber(result.tolerance)}`
  );
}
