import { z } from 'zod';
import { type PassContext, RunError } from '../layers/kind';
import type { Shape } from '../tensor/shape';
import { Tensor } from '../tensor/tensor';
import { targetFor } from './loss';

export const classLabels = z
  .enum(['one_hot', 'index'])
  .default('one_hot')
  .describe('How the target gives each class: one-hot (or probability) rows [N, K], or class indices [N] or [N, 1].');
export type ClassLabels = z.infer<typeof classLabels>;

/** The target shapes a loss over N samples of K classes accepts. */
export function labelTargetShapes(labels: ClassLabels, batch: number, classes: number): Shape[] {
  return labels === 'index' ? [[batch], [batch, 1]] : [[batch, classes]];
}

/** Class indices [N] or [N, 1] as one-hot rows [N, K]. */
export function oneHotFromIndices(indices: Tensor, classes: number): Tensor {
  const batch = indices.shape[0];
  const oneHot = Tensor.zeros([batch, classes], indices.dtype);
  for (let i = 0; i < batch; i++) {
    const label = indices.data[i];
    if (!Number.isInteger(label) || label < 0 || label >= classes) {
      throw new RunError(
        `target label ${label} of sample ${i} is not a class index: labels are integers from 0 to ${classes - 1}`,
      );
    }
    oneHot.data[i * classes + label] = 1;
  }
  return oneHot;
}

/**
 * This pass's target as rows [N, K] for the N samples of `input`, whichever way the config says
 * the target gives them (one-hot rows pass through unchanged, so they may be probabilities).
 */
export function classTargets(input: Tensor, ctx: PassContext, labels: ClassLabels, classes: number): Tensor {
  const target = targetFor(input, ctx, labelTargetShapes(labels, input.shape[0], classes));
  return labels === 'index' ? oneHotFromIndices(target, classes) : target;
}

/** Throws unless every row is a single 1 among zeros: for losses that need each sample's one class. */
export function checkHardLabels(rows: Tensor, lossLabel: string): void {
  const [batch, classes] = rows.shape;
  for (let i = 0; i < batch; i++) {
    let ones = 0;
    for (let j = 0; j < classes; j++) {
      const v = rows.data[i * classes + j];
      if (v === 1) ones++;
      else if (v !== 0) ones = 2;
    }
    if (ones !== 1) {
      throw new RunError(
        `target row of sample ${i} is not one-hot: ${lossLabel} needs a single 1 among zeros per sample`,
      );
    }
  }
}
