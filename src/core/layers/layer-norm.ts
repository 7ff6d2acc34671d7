import { z } from 'zod';
import type { Backend, ChannelView } from '../backend/backend';
import { formatShape, type Shape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { type NodeKind, ShapeError } from './kind';
import {
  epsilonSchema,
  latexNumber,
  type NormalizedCache,
  scaleAndShift,
  scaleAndShiftBackward,
} from './normalization';

export const layerNormConfig = z.object({ epsilon: epsilonSchema }).strict();
export type LayerNormConfig = z.infer<typeof layerNormConfig>;

/** Each sample is one group for the statistics. */
function sampleView(shape: Shape): ChannelView {
  return { outer: 1, channels: shape[0], inner: sizeOf(shape.slice(1)) };
}

/** gamma and beta hold one value per element of a sample, shared by the samples of a batch. */
function elementView(shape: Shape): ChannelView {
  return { outer: shape[0], channels: sizeOf(shape.slice(1)), inner: 1 };
}

function normalizeSamples(b: Backend, config: LayerNormConfig, x: Tensor): NormalizedCache {
  const view = sampleView(x.shape);
  const { mean, variance } = b.moments(x, view);
  return { xHat: b.normalize(x, mean, variance, config.epsilon, view), variance };
}

/**
 * Layer normalisation (Ba et al.) as PyTorch's LayerNorm with normalized_shape = every axis but the
 * batch: statistics per sample, gamma and beta element-wise, with the sample's shape.
 */
export const layerNormKind: NodeKind<LayerNormConfig> = {
  type: 'layer_norm',
  category: 'layer',
  label: 'Layer norm',
  summary: 'Normalises each sample over all its values, then scales by gamma and shifts by beta element-wise.',
  configSchema: layerNormConfig,
  defaultConfig: { epsilon: 1e-5 },
  arity: { min: 1, max: 1 },
  outputShape(_config, [x]) {
    if (x.length < 2) throw new ShapeError(`Layer norm expects [batch, ...sample shape], got ${formatShape(x)}`);
    return x;
  },
  paramSpecs: (_config, [x]) => ({
    gamma: { shape: x.slice(1), init: 'ones' },
    beta: { shape: x.slice(1), init: 'zeros' },
  }),
  forward(b, config, [x], params) {
    const cache = normalizeSamples(b, config, x);
    return { output: scaleAndShift(b, cache.xHat, params, elementView(x.shape)), cache };
  },
  backward(b, { config, inputs: [x], params, dy, cache }) {
    const { xHat, variance } = (cache as NormalizedCache | undefined) ?? normalizeSamples(b, config, x);
    const { dGamma, dBeta, dxHat } = scaleAndShiftBackward(b, xHat, dy, params, elementView(x.shape));
    const dx = b.normalizeBackward(xHat, dxHat, variance, config.epsilon, sampleView(x.shape));
    return { dInputs: [dx], dParams: { gamma: dGamma, beta: dBeta } };
  },
  formula: (config) => ({
    forward:
      '\\mu_n = \\frac{1}{H}\\sum_i x_{ni},\\quad \\sigma_n^2 = \\frac{1}{H}\\sum_i (x_{ni} - \\mu_n)^2,\\quad ' +
      `\\hat{x}_{ni} = \\frac{x_{ni} - \\mu_n}{\\sqrt{\\sigma_n^2 + ${latexNumber(config.epsilon)}}},\\quad ` +
      'y_{ni} = \\gamma_i \\hat{x}_{ni} + \\beta_i',
    backward:
      '\\frac{\\partial E}{\\partial \\gamma_i} = \\sum_n \\delta_{ni}\\,\\hat{x}_{ni},\\quad ' +
      '\\frac{\\partial E}{\\partial \\beta_i} = \\sum_n \\delta_{ni},\\quad ' +
      '\\frac{\\partial E}{\\partial x_{ni}} = \\frac{1}{\\sqrt{\\sigma_n^2 + \\epsilon}}' +
      '\\Big(\\hat\\delta_{ni} - \\tfrac{1}{H}\\sum_j \\hat\\delta_{nj} - ' +
      '\\hat{x}_{ni}\\,\\tfrac{1}{H}\\sum_j \\hat\\delta_{nj}\\hat{x}_{nj}\\Big),\\ ' +
      '\\hat\\delta_{ni} = \\gamma_i \\delta_{ni}',
  }),
  describe: () => '',
};
