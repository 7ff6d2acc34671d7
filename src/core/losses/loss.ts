import { z } from 'zod';
import { noParams, type PassContext, RunError } from '../layers/kind';
import { formatShape, type Shape, sameShape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';

export const lossConfig = z.object({}).strict();
export type LossConfig = z.infer<typeof lossConfig>;

/** Parts every loss node shares: one prediction in, a rank-0 loss out, no parameters. */
export const lossBase = {
  category: 'loss' as const,
  configSchema: lossConfig,
  defaultConfig: {},
  arity: { min: 1, max: 1 },
  outputShape: () => [],
  paramSpecs: noParams,
  describe: () => '',
};

/**
 * The target of this pass, checked against the shapes the loss accepts (by default the
 * prediction's own shape; class labels, say, differ), in the prediction's dtype.
 */
export function targetFor(prediction: Tensor, ctx: PassContext, accepted: Shape[] = [prediction.shape]): Tensor {
  const target = ctx.target;
  if (!target) throw new RunError('no target data: give the model a sample target or pass --target');
  if (!accepted.some((shape) => sameShape(shape, target.shape))) {
    const wanted =
      accepted.length === 1 && sameShape(accepted[0], prediction.shape)
        ? ''
        : ` (this loss takes ${accepted.map(formatShape).join(' or ')})`;
    throw new RunError(
      `target has shape ${formatShape(target.shape)} but the prediction has shape ${formatShape(prediction.shape)}${wanted}`,
    );
  }
  return target.cast(prediction.dtype);
}

/** The number of samples in a batch: the first axis, or 1 for a rank-0 or rank-1 prediction. */
export function batchSize(prediction: Tensor): number {
  return prediction.shape.length > 1 ? prediction.shape[0] : 1;
}
