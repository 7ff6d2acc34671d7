import { z } from 'zod';
import { formatShape, sizeOf } from '../tensor/shape';
import { type NodeKind, noParams, ShapeError } from './kind';

export const flattenConfig = z.object({}).strict();
export type FlattenConfig = z.infer<typeof flattenConfig>;

/**
 * [N, ...] -> [N, product of the rest], row-major, so an NCHW image flattens channel by channel
 * as PyTorch's does. Only the shape changes: the values are shared, and the gradient is reshaped back.
 */
export const flattenKind: NodeKind<FlattenConfig> = {
  type: 'flatten',
  category: 'layer',
  label: 'Flatten',
  summary: 'Lays each sample out as one row of features (channel by channel, then row by row), for a Dense layer.',
  configSchema: flattenConfig,
  defaultConfig: {},
  arity: { min: 1, max: 1 },
  outputShape(_config, [x]) {
    if (x.length < 2) throw new ShapeError(`Flatten expects [batch, ...], got ${formatShape(x)}`);
    return [x[0], sizeOf(x.slice(1))];
  },
  paramSpecs: noParams,
  forward: (_b, _config, [x]) => ({ output: x.reshape([x.shape[0], sizeOf(x.shape.slice(1))]) }),
  backward: (_b, { inputs: [x], dy }) => ({ dInputs: [dy.reshape(x.shape)], dParams: {} }),
  formula: () => ({
    forward: 'y_{n,\\,(c H + i) W + j} = x_{n,c,i,j}',
    backward: '\\frac{\\partial E}{\\partial x_{n,c,i,j}} = \\delta_{n,\\,(c H + i) W + j}',
  }),
  describe: () => '',
};
