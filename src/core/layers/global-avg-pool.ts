import { z } from 'zod';
import { Tensor } from '../tensor/tensor';
import { checkInputRank } from './input';
import { type NodeKind, noParams } from './kind';

export const globalAvgPoolConfig = z.object({}).strict();
export type GlobalAvgPoolConfig = z.infer<typeof globalAvgPoolConfig>;

/** The mean of each channel over all positions: [N, C, H, W] -> [N, C], as a matmul with a column of ones. */
export const globalAvgPoolKind: NodeKind<GlobalAvgPoolConfig> = {
  type: 'global_avg_pool',
  category: 'layer',
  label: 'Global average pooling',
  summary: 'Averages each channel over the whole image: one number per channel, [N, C, H, W] -> [N, C].',
  configSchema: globalAvgPoolConfig,
  defaultConfig: {},
  arity: { min: 1, max: 1 },
  outputShape(_config, [x]) {
    checkInputRank('Global average pooling', x, 4, '[batch, channels, height, width]');
    return [x[0], x[1]];
  },
  paramSpecs: noParams,
  forward(b, _config, [x]) {
    const [n, c, h, w] = x.shape;
    const sums = b.matmul(x.reshape([n * c, h * w]), Tensor.filled([h * w, 1], 1, x.dtype));
    return { output: b.scale(sums, 1 / (h * w)).reshape([n, c]) };
  },
  backward(b, { inputs: [x], dy }) {
    const [n, c, h, w] = x.shape;
    const spread = b.matmul(dy.reshape([n * c, 1]), Tensor.filled([1, h * w], 1 / (h * w), dy.dtype));
    return { dInputs: [spread.reshape(x.shape)], dParams: {} };
  },
  formula: () => ({
    forward: 'y_{n,c} = \\frac{1}{HW} \\sum_{i=1}^{H} \\sum_{j=1}^{W} x_{n,c,i,j}',
    backward: '\\frac{\\partial E}{\\partial x_{n,c,i,j}} = \\frac{\\delta_{n,c}}{HW}',
  }),
  describe: () => '[N, C, H, W] → [N, C]',
};
