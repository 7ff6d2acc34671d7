import type { InspectResult } from '../../protocol/inspect-messages';
import { plural, shortNumber } from './inspect-format';

/** What an inspection ran on, in one line: "the model's sample (8 samples), loss 0.69, after 50 steps of adam". */
export function inspectionSummary(result: InspectResult): string {
  const parts = [`on ${result.data}`];
  if (result.loss !== null) parts.push(`loss ${shortNumber(result.loss, 3)}`);
  const training = result.training;
  if (training) {
    parts.push(`after ${plural(training.steps, 'step')} of ${training.optimizer} on ${training.data}`);
    if (training.stopped) parts.push('stopped early: a value became non-finite');
  }
  return parts.join(' · ');
}
