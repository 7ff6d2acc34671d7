import { z } from 'zod';
import type { Backend } from '../backend/backend';
import { Tensor } from '../tensor/tensor';
import type { NodeKind, Params } from './kind';
import {
  channelViewOf,
  checkHasChannels,
  epsilonSchema,
  latexNumber,
  type NormalizedCache,
  normalizeWithMoments,
  scaleAndShift,
  scaleAndShiftBackward,
} from './normalization';

export const batchNormConfig = z
  .object({
    momentum: z
      .number()
      .min(0)
      .max(1)
      .default(0.1)
      .describe('Weight of each batch in the running statistics: running = (1 - momentum) running + momentum batch.'),
    epsilon: epsilonSchema,
  })
  .strict();
export type BatchNormConfig = z.infer<typeof batchNormConfig>;

interface BatchNormCache extends NormalizedCache {
  /** Training: the statistics are the batch's own, so they depend on the input as well. */
  batchStatistics: boolean;
}

function normalizeInput(b: Backend, config: BatchNormConfig, x: Tensor, params: Params, training: boolean) {
  const view = channelViewOf(x.shape);
  const { xHat, variance } = training
    ? normalizeWithMoments(b, x, view, config.epsilon)
    : {
        xHat: b.normalize(x, params.running_mean, params.running_var, config.epsilon, view),
        variance: params.running_var,
      };
  const cache: BatchNormCache = { xHat, variance, batchStatistics: training };
  return { view, cache };
}

/**
 * Batch normalisation per feature of [N, F] and per channel of [N, C, H, W] (over the batch and
 * every position). Training normalises with the batch's mean and biased variance; evaluation with
 * the running statistics, which move by their own rule after each training step, so forward
 * passes repeated by a gradient check or the debugger never change them.
 */
export const batchNormKind: NodeKind<BatchNormConfig> = {
  type: 'batch_norm',
  category: 'layer',
  label: 'Batch norm',
  summary:
    'Normalises each feature (channel) with the batch mean and variance, then scales by gamma and shifts by beta.',
  configSchema: batchNormConfig,
  defaultConfig: { momentum: 0.1, epsilon: 1e-5 },
  arity: { min: 1, max: 1 },
  outputShape(_config, [x]) {
    checkHasChannels('Batch norm', x);
    return x;
  },
  paramSpecs: (_config, [x]) => ({
    gamma: { shape: [x[1]], init: 'ones' },
    beta: { shape: [x[1]], init: 'zeros' },
    running_mean: { shape: [x[1]], init: 'zeros', trainable: false },
    running_var: { shape: [x[1]], init: 'ones', trainable: false },
  }),
  forward(b, config, [x], params, ctx) {
    const { view, cache } = normalizeInput(b, config, x, params, ctx.training);
    return { output: scaleAndShift(b, cache.xHat, params, view), cache };
  },
  backward(b, { config, inputs: [x], params, dy, cache, ctx }) {
    const { xHat, variance, batchStatistics } =
      (cache as BatchNormCache | undefined) ?? normalizeInput(b, config, x, params, ctx.training).cache;
    const view = channelViewOf(x.shape);
    const { dGamma, dBeta, dxHat } = scaleAndShiftBackward(b, xHat, dy, params, view);
    // Fixed statistics make x -> xHat a per-channel scale: dividing by sqrt(var + eps) is normalising around 0.
    const dx = batchStatistics
      ? b.normalizeBackward(xHat, dxHat, variance, config.epsilon, view)
      : b.normalize(dxHat, Tensor.zeros(variance.shape, variance.dtype), variance, config.epsilon, view);
    return { dInputs: [dx], dParams: { gamma: dGamma, beta: dBeta } };
  },
  afterOptimizerStep(b, { config, inputs: [x], params, ctx }) {
    if (!ctx.training || !x) return;
    updateRunningStatistics(b, config, x, params);
  },
  formula: (config) => {
    const keep = latexNumber(1 - config.momentum);
    const take = latexNumber(config.momentum);
    return {
      forward:
        '\\mu_c = \\frac{1}{m}\\sum x_c,\\quad \\sigma_c^2 = \\frac{1}{m}\\sum (x_c - \\mu_c)^2,\\quad ' +
        `\\hat{x} = \\frac{x - \\mu_c}{\\sqrt{\\sigma_c^2 + ${latexNumber(config.epsilon)}}},\\quad ` +
        'y = \\gamma_c \\hat{x} + \\beta_c;\\quad \\text{after each training step: }' +
        `\\bar\\mu_c \\leftarrow ${keep}\\,\\bar\\mu_c + ${take}\\,\\mu_c,\\ ` +
        `\\bar\\sigma_c^2 \\leftarrow ${keep}\\,\\bar\\sigma_c^2 + ${take}\\,\\tfrac{m}{m-1}\\sigma_c^2;\\quad ` +
        '\\text{evaluation uses } \\bar\\mu_c, \\bar\\sigma_c^2',
      backward:
        '\\frac{\\partial E}{\\partial \\gamma_c} = \\sum \\delta\\,\\hat{x},\\quad ' +
        '\\frac{\\partial E}{\\partial \\beta_c} = \\sum \\delta,\\quad ' +
        '\\frac{\\partial E}{\\partial x} = \\frac{\\gamma_c}{\\sqrt{\\sigma_c^2 + \\epsilon}}' +
        '\\Big(\\delta - \\tfrac{1}{m}\\sum \\delta - \\hat{x}\\,\\tfrac{1}{m}\\sum \\delta\\,\\hat{x}\\Big)',
    };
  },
  describe: (config) => `momentum ${config.momentum}`,
};

/**
 * PyTorch's rule: running = (1 - momentum) * running + momentum * batch, the batch variance made
 * unbiased (m / (m - 1)) first. One value per channel has no unbiased variance, so it is left alone.
 */
export function updateRunningStatistics(b: Backend, config: BatchNormConfig, x: Tensor, params: Params): void {
  const view = channelViewOf(x.shape);
  const count = view.outer * view.inner;
  const { mean, variance } = b.moments(x, view);
  const m = config.momentum;
  b.assign(params.running_mean, b.add(b.scale(params.running_mean, 1 - m), b.scale(mean, m)));
  if (count < 2) return;
  const unbiased = b.scale(variance, count / (count - 1));
  b.assign(params.running_var, b.add(b.scale(params.running_var, 1 - m), b.scale(unbiased, m)));
}
