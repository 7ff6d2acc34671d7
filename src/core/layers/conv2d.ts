import { z } from 'zod';
import type { Shape } from '../tensor/shape';
import { Tensor } from '../tensor/tensor';
import type { NodeKind, ParamSpec, Params } from './kind';
import {
  compactPairText,
  paddingDescription,
  paddingSpec,
  paddingText,
  pairOf,
  pairText,
  type SpatialWindow,
  spatialPair,
  spatialWindow,
  windowIndexTex,
} from './window';

export const conv2dConfig = z
  .object({
    filters: z.int().min(1).describe('Number of filters K: each gives one output channel.'),
    kernel: spatialPair.describe('Filter size F: one number for F x F, or [kH, kW].'),
    stride: spatialPair.default(1).describe('Step S between window positions: one number, or [sH, sW].'),
    padding: paddingSpec.default(0).describe(paddingDescription),
    bias: z.boolean().default(true).describe('Add a bias b_k to every position of output channel k.'),
  })
  .strict();
export type Conv2dConfig = z.infer<typeof conv2dConfig>;

/** Where the filters go over an input of this shape; notes say when an output size was floored. */
export function conv2dWindow(config: Conv2dConfig, inputShape: Shape): SpatialWindow {
  return spatialWindow('Conv2D', config, inputShape);
}

/**
 * Cross-correlation of an NCHW input with K filters W [K, C, kH, kW] (no kernel flip, as every
 * framework does). Forward unrolls each window to a row (im2col), so the whole layer is one matmul
 * with the filters as rows; backward is the same matmuls transposed, and col2im adds the window
 * gradients back where overlapping windows read the same pixel.
 */
export const conv2dKind: NodeKind<Conv2dConfig> = {
  type: 'conv2d',
  category: 'layer',
  label: 'Conv2D',
  summary: 'Slides K filters over the image; each filter spans every input channel and gives one output channel.',
  configSchema: conv2dConfig,
  defaultConfig: { filters: 1, kernel: 3, stride: 1, padding: 0, bias: true },
  arity: { min: 1, max: 1 },
  outputShape(config, [x]) {
    const window = conv2dWindow(config, x);
    return [x[0], config.filters, window.height.size, window.width.size];
  },
  paramSpecs(config, [x]) {
    const [kh, kw] = pairOf(config.kernel);
    const specs: Record<string, ParamSpec> = { W: { shape: [config.filters, x[1], kh, kw], init: 'glorot_uniform' } };
    if (config.bias) specs.b = { shape: [config.filters], init: 'zeros' };
    return specs;
  },
  forward(b, config, [x], params) {
    const { geometry, height, width } = conv2dWindow(config, x.shape);
    const filters = filterRows(params.W);
    const cols = b.im2col(x, geometry, 0);
    const rows = b.matmul(cols, filters, false, true);
    const withBias = config.bias ? b.addRowVector(rows, params.b) : rows;
    const nhwc = withBias.reshape([x.shape[0], height.size, width.size, config.filters]);
    return { output: b.transpose(nhwc, [0, 3, 1, 2]), cache: cols };
  },
  backward(b, { config, inputs: [x], params, dy, cache }) {
    const { geometry } = conv2dWindow(config, x.shape);
    const filters = filterRows(params.W);
    const cols = cache instanceof Tensor ? cache : b.im2col(x, geometry, 0);
    const dyRows = b.transpose(dy, [0, 2, 3, 1]).reshape([cols.shape[0], config.filters]);
    const dParams: Params = { W: b.matmul(dyRows, cols, true, false).reshape(params.W.shape) };
    if (config.bias) dParams.b = b.sumColumns(dyRows);
    const dCols = b.matmul(dyRows, filters);
    return { dInputs: [b.col2im(dCols, x.shape, geometry)], dParams };
  },
  formula(config) {
    const [sh, sw] = pairOf(config.stride);
    const row = windowIndexTex('i', 'm', sh, config.padding, 0);
    const col = windowIndexTex('j', 'l', sw, config.padding, 1);
    const x = `x_{n,d,\\,${row},\\,${col}}`;
    const bias = config.bias ? ' + b_k' : '';
    return {
      forward: `y_{n,k,i,j} = \\sum_{d} \\sum_{m} \\sum_{l} W_{k,d,m,l}\\, ${x}${bias}`,
      backward:
        `\\frac{\\partial E}{\\partial W_{k,d,m,l}} = \\sum_{n,i,j} \\delta_{n,k,i,j}\\, ${x},\\quad ` +
        (config.bias ? '\\frac{\\partial E}{\\partial b_k} = \\sum_{n,i,j} \\delta_{n,k,i,j},\\quad ' : '') +
        `\\frac{\\partial E}{\\partial ${x}} \\mathrel{+}= \\sum_{k} \\delta_{n,k,i,j}\\, W_{k,d,m,l}`,
    };
  },
  describe: (config) =>
    `${config.filters} filter${config.filters === 1 ? '' : 's'} ${pairText(config.kernel)}` +
    `, stride ${compactPairText(config.stride)}, ${paddingText(config.padding)}`,
};

/** W [K, C, kH, kW] seen as [K, C * kH * kW]: one filter per row, in im2col's column order. */
function filterRows(W: Tensor): Tensor {
  return W.reshape([W.shape[0], W.size / W.shape[0]]);
}
