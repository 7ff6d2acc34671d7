import { z } from 'zod';
import { checkInputRank } from '../layers/input';
import type { NodeKind } from '../layers/kind';
import { classLabels, classTargets, labelTargetShapes } from './labels';
import { lossBase } from './loss';

export const softmaxCrossEntropyConfig = z.object({ labels: classLabels }).strict();
export type SoftmaxCrossEntropyConfig = z.infer<typeof softmaxCrossEntropyConfig>;

const label = 'Softmax cross-entropy';

/**
 * C = -(1/N) sum_n sum_k y_nk ln softmax(z_n)_k on logits z [N, K], fused so that ln softmax is
 * taken by log-sum-exp (finite for any logits) and the gradient is simply (softmax(z) - y) / N.
 */
export const softmaxCrossEntropyKind: NodeKind<SoftmaxCrossEntropyConfig> = {
  ...lossBase,
  type: 'softmax_cross_entropy',
  label,
  summary:
    'Softmax and cross-entropy in one stable step on the logits (no softmax node before it), mean over the batch.',
  configSchema: softmaxCrossEntropyConfig,
  defaultConfig: { labels: 'one_hot' },
  outputShape(_config, [z]) {
    checkInputRank(label, z, 2, '[batch, classes] of logits');
    return [];
  },
  targetShapes: (config, [batch, classes]) => labelTargetShapes(config.labels, batch, classes),
  forward(b, config, [z], _params, ctx) {
    const y = classTargets(z, ctx, config.labels, z.shape[1]);
    return { output: b.scale(b.sum(b.mul(y, b.logSoftmax(z))), -1 / z.shape[0]) };
  },
  backward(b, { config, inputs: [z], dy, ctx }) {
    const y = classTargets(z, ctx, config.labels, z.shape[1]);
    return { dInputs: [b.scale(b.sub(b.softmax(z), y), dy.data[0] / z.shape[0])], dParams: {} };
  },
  formula: (config) => ({
    forward:
      'C = -\\frac{1}{N} \\sum_{n} \\sum_{k} y_{nk} \\Big(z_{nk} - \\max_j z_{nj} - \\ln \\sum_{j} e^{z_{nj} - \\max_i z_{ni}}\\Big)' +
      (config.labels === 'index' ? ',\\quad y_{nk} = [t_n = k]' : ''),
    backward: '\\frac{\\partial C}{\\partial z_{nk}} = \\frac{1}{N} \\big(\\mathrm{softmax}(z_n)_k - y_{nk}\\big)',
  }),
  describe: (config) => (config.labels === 'index' ? 'class indices' : 'one-hot targets'),
};
