import { Tensor } from '../tensor/tensor';
import { type NodeKind, noParams } from './kind';
import {
  channelsAsImages,
  defaultPoolConfig,
  type PoolConfig,
  poolConfig,
  poolDescription,
  poolOutputShape,
  poolWindow,
} from './pool';
import { pairOf, windowIndexTex } from './window';

const label = 'Max pooling';

/**
 * The largest value of each window, channel by channel. Padding never wins (it reads -Infinity,
 * as TF and PyTorch pad max pooling), and backward sends each window's gradient to its first
 * maximum only: the other inputs did not affect the output.
 */
export const maxPool2dKind: NodeKind<PoolConfig> = {
  type: 'max_pool2d',
  category: 'layer',
  label,
  summary: 'Keeps the largest value of each window, per channel; the depth is unchanged.',
  configSchema: poolConfig,
  defaultConfig: defaultPoolConfig,
  arity: { min: 1, max: 1 },
  outputShape: (config, [x]) => poolOutputShape(label, config, x),
  paramSpecs: noParams,
  forward(b, config, [x]) {
    const { geometry, height, width } = poolWindow(label, config, x.shape);
    const cols = b.im2col(channelsAsImages(x), geometry, Number.NEGATIVE_INFINITY);
    const [n, c] = x.shape;
    return { output: b.maxLastAxis(cols).reshape([n, c, height.size, width.size]), cache: cols };
  },
  backward(b, { config, inputs: [x], dy, cache }) {
    const { geometry } = poolWindow(label, config, x.shape);
    const images = channelsAsImages(x);
    const cols = cache instanceof Tensor ? cache : b.im2col(images, geometry, Number.NEGATIVE_INFINITY);
    const dCols = b.maxLastAxisBackward(cols, dy.reshape([dy.size]));
    return { dInputs: [b.col2im(dCols, images.shape, geometry).reshape(x.shape)], dParams: {} };
  },
  formula(config) {
    const [sh, sw] = pairOf(config.stride ?? config.window);
    const x = `x_{n,c,\\,${windowIndexTex('i', 'm', sh, config.padding, 0)},\\,${windowIndexTex('j', 'l', sw, config.padding, 1)}}`;
    return {
      forward: `y_{n,c,i,j} = \\max_{m,l}\\, ${x}`,
      backward: `\\frac{\\partial E}{\\partial ${x}} \\mathrel{+}= \\begin{cases} \\delta_{n,c,i,j} & \\text{if it is the window's first maximum} \\\\ 0 & \\text{otherwise} \\end{cases}`,
    };
  },
  describe: poolDescription,
};
