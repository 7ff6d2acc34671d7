import { z } from 'zod';
import { noParams, type PassContext, RunError } from '../layers/kind';
import { formatShape } from '../tensor/shape';
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

/** The target of this pass, checked against the prediction it is compared with. */
export function targetFor(prediction: Tensor, ctx: PassContext): Tensor {
  if (!ctx.target) throw new RunError('no target data: give the model a sample target or pass --target');
  if (!prediction.sameShapeAs(ctx.target)) {
    throw new RunError(
      `target has shape ${formatShape(ctx.target.shape)} but the prediction has shape ${formatShape(prediction.shape)}`,
    );
  }
  return ctx.target.cast(prediction.dtype);
}

/** The number of samples in a batch: the first axis, or 1 for a rank-0 or rank-1 prediction. */
export function batchSize(prediction: Tensor): number {
  return prediction.shape.length > 1 ? prediction.shape[0] : 1;
}
