import { z } from 'zod';
import type { Backend, ChannelView } from '../backend/backend';
import { formatShape, type Shape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { type NodeKind, ShapeError } from './kind';
import {
  channelViewOf,
  checkHasChannels,
  epsilonSchema,
  latexNumber,
  type NormalizedCache,
  scaleAndShift,
  scaleAndShiftBackward,
} from './normalization';

export const groupNormConfig = z
  .object({
    groups: z.int().min(1).describe('G: the channels are split into G groups of equal size.'),
    epsilon: epsilonSchema,
  })
  .strict();
export type GroupNormConfig = z.infer<typeof groupNormConfig>;

// Channels of a group are adjacent, so every (sample, group) is one contiguous run of values.
function groupView(shape: Shape, groups: number): ChannelView {
  return { outer: 1, channels: shape[0] * groups, inner: sizeOf(shape) / (shape[0] * groups) };
}

function normalizeGroups(b: Backend, config: GroupNormConfig, x: Tensor): NormalizedCache {
  const view = groupView(x.shape, config.groups);
  const { mean, variance } = b.moments(x, view);
  return { xHat: b.normalize(x, mean, variance, config.epsilon, view), variance };
}

/** Group normalisation (Wu and He): statistics per sample and group of channels, so independent of the batch. */
export const groupNormKind: NodeKind<GroupNormConfig> = {
  type: 'group_norm',
  category: 'layer',
  label: 'Group norm',
  summary: 'Normalises each sample over groups of channels, then scales by gamma and shifts by beta per channel.',
  configSchema: groupNormConfig,
  defaultConfig: { groups: 2, epsilon: 1e-5 },
  arity: { min: 1, max: 1 },
  outputShape(config, [x]) {
    checkHasChannels('Group norm', x);
    if (x[1] % config.groups !== 0) {
      throw new ShapeError(
        `Group norm splits the ${x[1]} channels of ${formatShape(x)} into ${config.groups} groups, ` +
          `but ${x[1]} is not a multiple of ${config.groups}`,
      );
    }
    return x;
  },
  paramSpecs: (_config, [x]) => ({
    gamma: { shape: [x[1]], init: 'ones' },
    beta: { shape: [x[1]], init: 'zeros' },
  }),
  forward(b, config, [x], params) {
    const cache = normalizeGroups(b, config, x);
    return { output: scaleAndShift(b, cache.xHat, params, channelViewOf(x.shape)), cache };
  },
  backward(b, { config, inputs: [x], params, dy, cache }) {
    const { xHat, variance } = (cache as NormalizedCache | undefined) ?? normalizeGroups(b, config, x);
    const { dGamma, dBeta, dxHat } = scaleAndShiftBackward(b, xHat, dy, params, channelViewOf(x.shape));
    const dx = b.normalizeBackward(xHat, dxHat, variance, config.epsilon, groupView(x.shape, config.groups));
    return { dInputs: [dx], dParams: { gamma: dGamma, beta: dBeta } };
  },
  formula: (config) => ({
    forward:
      '\\mu_{ng}, \\sigma_{ng}^2 \\text{ over the channels of group } g ' +
      `\\text{ (of ${config.groups}) and every position},\\quad ` +
      `\\hat{x} = \\frac{x - \\mu_{ng}}{\\sqrt{\\sigma_{ng}^2 + ${latexNumber(config.epsilon)}}},\\quad ` +
      'y = \\gamma_c \\hat{x} + \\beta_c',
    backward:
      '\\frac{\\partial E}{\\partial \\gamma_c} = \\sum \\delta\\,\\hat{x},\\quad ' +
      '\\frac{\\partial E}{\\partial \\beta_c} = \\sum \\delta,\\quad ' +
      '\\frac{\\partial E}{\\partial x} = \\frac{1}{\\sqrt{\\sigma_{ng}^2 + \\epsilon}}' +
      '\\Big(\\hat\\delta - \\overline{\\hat\\delta} - \\hat{x}\\,\\overline{\\hat\\delta\\,\\hat{x}}\\Big),\\ ' +
      '\\hat\\delta = \\gamma_c \\delta,\\ \\overline{\\cdot} \\text{ the mean over the group}',
  }),
  describe: (config) => `${config.groups} group${config.groups === 1 ? '' : 's'}`,
};
