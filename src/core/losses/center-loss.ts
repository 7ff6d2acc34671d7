import { z } from 'zod';
import type { Backend } from '../backend/backend';
import { checkInputRank } from '../layers/input';
import type { NodeKind, PassContext } from '../layers/kind';
import { Tensor } from '../tensor/tensor';
import { checkHardLabels, classLabels, classTargets, labelTargetShapes } from './labels';
import { lossBase } from './loss';

export const centerLossConfig = z
  .object({
    classes: z.int().min(1).describe('Number of classes K: one centre per class.'),
    lambda: z.number().min(0).default(0.01).describe('Weight of this loss in the total L = L_softmax + lambda L_C.'),
    alpha: z
      .number()
      .min(0)
      .max(1)
      .default(0.5)
      .describe("Rate of the centres' own update, c_j <- c_j - alpha Delta c_j, after each training step."),
    labels: classLabels,
  })
  .strict();
export type CenterLossConfig = z.infer<typeof centerLossConfig>;

const label = 'Center loss';

/** Each sample's class as one-hot rows Y [N, K]; soft rows are refused, a sample has one centre. */
function classRows(features: Tensor, ctx: PassContext, config: CenterLossConfig): Tensor {
  const rows = classTargets(features, ctx, config.labels, config.classes);
  if (config.labels === 'one_hot') checkHardLabels(rows, label);
  return rows;
}

/**
 * Delta c_j = sum_i [y_i = j] (c_j - x_i) / (1 + n_j), n_j the samples of class j in the batch,
 * as W^T (Y C - X) with W_ij = Y_ij / (1 + n_j). The 1 keeps a class with no samples still.
 */
export function centerDelta(b: Backend, features: Tensor, classOneHot: Tensor, centers: Tensor): Tensor {
  const [batch, classes] = classOneHot.shape;
  // The labels are host values (targets never live on a device), so the counts are taken here.
  const counts = new Float64Array(classes);
  for (let i = 0; i < batch; i++) for (let j = 0; j < classes; j++) counts[j] += classOneHot.data[i * classes + j];
  const weights = Tensor.zeros(classOneHot.shape, classOneHot.dtype);
  for (let i = 0; i < batch; i++) {
    for (let j = 0; j < classes; j++) {
      weights.data[i * classes + j] = classOneHot.data[i * classes + j] / (1 + counts[j]);
    }
  }
  return b.matmul(weights, b.sub(b.matmul(classOneHot, centers), features), true);
}

/**
 * lambda L_C with L_C = 1/2 sum_i ||x_i - c_{y_i}||^2, summed over the batch as Wen et al. (2016)
 * define it, on the features x [N, D] that feed the last dense layer. Its output is already
 * weighted, so next to a softmax cross-entropy node the executor's sum is L_softmax + lambda L_C.
 * The centres C [K, D] are a parameter the optimizer skips: they move by their own rule instead.
 */
export const centerLossKind: NodeKind<CenterLossConfig> = {
  ...lossBase,
  type: 'center_loss',
  label,
  summary:
    'Pulls the features of each sample towards its class centre; the centres follow the class means by their own rule.',
  configSchema: centerLossConfig,
  defaultConfig: { classes: 2, lambda: 0.01, alpha: 0.5, labels: 'one_hot' },
  outputShape(_config, [x]) {
    checkInputRank(label, x, 2, '[batch, features] (the input of the last dense layer)');
    return [];
  },
  paramSpecs: (config, [x]) => ({ centers: { shape: [config.classes, x[1]], init: 'zeros', trainable: false } }),
  targetShapes: (config, [batch]) => labelTargetShapes(config.labels, batch, config.classes),
  forward(b, config, [x], params, ctx) {
    const diff = b.sub(x, b.matmul(classRows(x, ctx, config), params.centers));
    return { output: b.scale(b.sum(b.mul(diff, diff)), 0.5 * config.lambda) };
  },
  backward(b, { config, inputs: [x], params, dy, ctx }) {
    const y = classRows(x, ctx, config);
    const diff = b.sub(x, b.matmul(y, params.centers));
    const s = config.lambda * dy.data[0];
    // The centre gradient is shown and checked but never applied: centers is trainable: false.
    return { dInputs: [b.scale(diff, s)], dParams: { centers: b.scale(b.matmul(y, diff, true), -s) } };
  },
  afterOptimizerStep(b, { config, inputs: [x], params, ctx }) {
    b.axpy(params.centers, -config.alpha, centerDelta(b, x, classRows(x, ctx, config), params.centers));
  },
  formula: () => ({
    forward: 'E = \\lambda L_C,\\quad L_C = \\tfrac{1}{2} \\sum_{i} \\lVert x_i - c_{y_i} \\rVert^2',
    backward:
      '\\frac{\\partial E}{\\partial x_i} = \\lambda (x_i - c_{y_i});\\quad ' +
      '\\Delta c_j = \\frac{\\sum_i [y_i = j] (c_j - x_i)}{1 + \\sum_i [y_i = j]},\\ c_j \\leftarrow c_j - \\alpha \\Delta c_j',
  }),
  describe: (config) => `K = ${config.classes}, λ = ${config.lambda}`,
};
