import type { NodeKind } from '../layers/kind';
import { type LossConfig, lossBase, targetFor } from './loss';

/** Keras's backend epsilon: probabilities are clipped to [epsilon, 1 - epsilon] before the logs. */
export const KERAS_EPSILON = 1e-7;

/**
 * C = -(1/n) sum [y ln a + (1 - y) ln(1 - a)] over all n values of the batch, on probabilities a
 * (a sigmoid's output), clipped as Keras clips them so that a = 0 or 1 gives a finite loss.
 */
export const binaryCrossEntropyKind: NodeKind<LossConfig> = {
  ...lossBase,
  type: 'binary_cross_entropy',
  label: 'Binary cross-entropy',
  summary:
    'Cross-entropy of probabilities a against 0/1 targets, mean over every value; a clipped to [1e-7, 1 - 1e-7].',
  forward(b, _config, [a], _params, ctx) {
    const y = targetFor(a, ctx);
    return { output: b.scale(b.sum(b.binaryCrossEntropy(a, y, KERAS_EPSILON)), 1 / a.size) };
  },
  backward(b, { inputs: [a], dy, ctx }) {
    const local = b.binaryCrossEntropyGrad(a, targetFor(a, ctx), KERAS_EPSILON);
    return { dInputs: [b.scale(local, dy.data[0] / a.size)], dParams: {} };
  },
  formula: () => ({
    forward:
      'C = -\\frac{1}{n} \\sum_{m} \\big[y_m \\ln \\hat a_m + (1 - y_m) \\ln(1 - \\hat a_m)\\big],\\quad ' +
      '\\hat a_m = \\min(\\max(a_m, \\epsilon), 1 - \\epsilon),\\ \\epsilon = 10^{-7}\\ \\text{(as Keras)}',
    backward:
      '\\frac{\\partial C}{\\partial a_m} = \\frac{1}{n} \\frac{\\hat a_m - y_m}{\\hat a_m (1 - \\hat a_m)}' +
      '\\ \\text{inside the clip range, else } 0',
  }),
};
