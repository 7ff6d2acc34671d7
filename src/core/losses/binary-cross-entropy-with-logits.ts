import type { NodeKind } from '../layers/kind';
import { type LossConfig, lossBase, targetFor } from './loss';

/**
 * Binary cross-entropy of sigmoid(z) against y, taken on the logits z: per value
 * max(z, 0) - z y + ln(1 + e^{-|z|}) (softplus(z) - z y, which the backend's softplus computes in
 * exactly that stable form), mean over all n values. The sigmoid's derivative cancels, leaving
 * dC/dz = (sigmoid(z) - y) / n.
 */
export const binaryCrossEntropyWithLogitsKind: NodeKind<LossConfig> = {
  ...lossBase,
  type: 'binary_cross_entropy_with_logits',
  label: 'Binary cross-entropy (logits)',
  summary: 'Sigmoid and binary cross-entropy in one stable step on the logits (no sigmoid node before it).',
  forward(b, _config, [z], _params, ctx) {
    const y = targetFor(z, ctx);
    const perValue = b.sub(b.unary('softplus', z, 0), b.mul(z, y));
    return { output: b.scale(b.sum(perValue), 1 / z.size) };
  },
  backward(b, { inputs: [z], dy, ctx }) {
    const y = targetFor(z, ctx);
    return { dInputs: [b.scale(b.sub(b.unary('sigmoid', z, 0), y), dy.data[0] / z.size)], dParams: {} };
  },
  formula: () => ({
    forward: 'C = \\frac{1}{n} \\sum_{m} \\big[\\max(z_m, 0) - z_m y_m + \\ln(1 + e^{-|z_m|})\\big]',
    backward: '\\frac{\\partial C}{\\partial z_m} = \\frac{1}{n} \\big(\\sigma(z_m) - y_m\\big)',
  }),
};
