import { z } from 'zod';
import type { ChannelView } from '../backend/backend';
import { formatShape, type Shape, sizeOf } from '../tensor/shape';
import { type NodeKind, ShapeError } from './kind';
import {
  channelViewOf,
  checkHasChannels,
  epsilonSchema,
  latexNumber,
  type NormViews,
  ownStatisticsBackward,
  ownStatisticsForward,
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

function groupNormViews(shape: Shape, groups: number): NormViews {
  return { statistics: groupView(shape, groups), affine: channelViewOf(shape) };
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
    return ownStatisticsForward(b, x, params, config.epsilon, groupNormViews(x.shape, config.groups));
  },
  backward(b, { config, inputs: [x], params, dy, cache }) {
    const views = groupNormViews(x.shape, config.groups);
    return ownStatisticsBackward(b, x, params, dy, cache, config.epsilon, views);
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
