import type { NodeKind } from '../layers/kind';
import { type LossConfig, lossBase, targetFor } from './loss';

/** E = (1/M) sum (t - y)^2 over all M values of the batch, as Keras and PyTorch compute it. */
export const mseKind: NodeKind<LossConfig> = {
  ...lossBase,
  type: 'mse',
  label: 'Mean squared error',
  summary: 'Mean of (t - y)^2 over every output of every sample.',
  forward(b, _config, [y], _params, ctx) {
    const diff = b.sub(y, targetFor(y, ctx));
    return { output: b.scale(b.sum(b.mul(diff, diff)), 1 / y.size) };
  },
  backward(b, { inputs: [y], dy, ctx }) {
    const diff = b.sub(y, targetFor(y, ctx));
    return { dInputs: [b.scale(diff, (2 * dy.data[0]) / y.size)], dParams: {} };
  },
  formula: () => ({
    forward: 'E = \\frac{1}{M} \\sum_{m} (t_m - y_m)^2',
    backward: '\\frac{\\partial E}{\\partial y_m} = \\frac{2}{M} (y_m - t_m)',
  }),
};
