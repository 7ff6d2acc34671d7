import type { NodeKind } from '../layers/kind';
import { batchSize, type LossConfig, lossBase, targetFor } from './loss';

/** E = (1/N) sum_n sum_k 1/2 (t_nk - y_nk)^2; dE/dy = (y - t) / N. */
export const squaredErrorKind: NodeKind<LossConfig> = {
  ...lossBase,
  type: 'squared_error',
  label: 'Squared error',
  summary: 'Sum over outputs of 1/2 (t - y)^2, averaged over the batch.',
  forward(b, _config, [y], _params, ctx) {
    const diff = b.sub(y, targetFor(y, ctx));
    return { output: b.scale(b.sum(b.mul(diff, diff)), 0.5 / batchSize(y)) };
  },
  backward(b, { inputs: [y], dy, ctx }) {
    const diff = b.sub(y, targetFor(y, ctx));
    return { dInputs: [b.scale(diff, dy.data[0] / batchSize(y))], dParams: {} };
  },
  formula: () => ({
    forward: 'E = \\frac{1}{N} \\sum_{n} \\sum_{k} \\tfrac{1}{2} (t_{nk} - y_{nk})^2',
    backward: '\\frac{\\partial E}{\\partial y_{nk}} = \\frac{1}{N} (y_{nk} - t_{nk})',
  }),
};
