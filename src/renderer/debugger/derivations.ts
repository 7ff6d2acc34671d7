import type { NodeCategory } from '../../core/layers/kind';
import type { StepRecordPayload } from '../../protocol/results';
import { activationBackward, activationForward } from './activation-math';
import { denseBackward, denseForward } from './dense-math';
import { lossBackward, lossForward } from './loss-math';
import type { Derivation } from './tex';

/** The node's forward computation with its own numbers, where the kind has a worked form. */
export function forwardDerivations(record: StepRecordPayload, category: NodeCategory, digits: number): Derivation[] {
  if (record.type === 'dense') return denseForward(record, digits);
  if (category === 'activation') return activationForward(record, digits);
  if (category === 'loss') return lossForward(record, digits);
  return [];
}

/** The chain rule at the node with its own numbers, where the kind has a worked form. */
export function backwardDerivations(record: StepRecordPayload, category: NodeCategory, digits: number): Derivation[] {
  if (record.type === 'dense') return denseBackward(record, digits);
  if (category === 'activation') return activationBackward(record, digits);
  if (category === 'loss') return lossBackward(record, digits);
  return [];
}
