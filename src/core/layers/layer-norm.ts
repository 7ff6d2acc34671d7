import { z } from 'zod';
import type { ChannelView } from '../backend/backend';
import { formatShape, type Shape, sizeOf } from '../tensor/shape';
import { type NodeKind, ShapeError } from './kind';
import {
  epsilonSchema,
  latexNumber,
  type NormViews,
  ownStatisticsBackward,
  ownStatisticsForward,
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

function layerNormViews(shape: Shape): NormViews {
  return { statistics: sampleView(shape), affine: elementView(shape) };
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
    return ownStatisticsForward(b, x, params, config.epsilon, layerNormViews(x.shape));
  },
  backward(b, { config, inputs: [x], params, dy, cache }) {
    return ownStatisticsBackward(b, x, params, dy, cache, config.epsilon, layerNormViews(x.shape));
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
