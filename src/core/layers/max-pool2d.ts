import { Tensor } from '../tensor/tensor';
import type { NodeKind } from './kind';
import { channelsAsImages, type PoolConfig, pooledInputTex, poolKindBase, poolWindow } from './pool';

const label = 'Max pooling';

/**
 * The largest value of each window, channel by channel. Padding never wins (it reads -Infinity,
 * as TF and PyTorch pad max pooling), and backward sends each window's gradient to its first
 * maximum only: the other inputs did not affect the output.
 */
export const maxPool2dKind: NodeKind<PoolConfig> = {
  type: 'max_pool2d',
  ...poolKindBase(label),
  summary: 'Keeps the largest value of each window, per channel; the depth is unchanged.',
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
    const x = pooledInputTex(config);
    return {
      forward: `y_{n,c,i,j} = \\max_{m,l}\\, ${x}`,
      backward: `\\frac{\\partial E}{\\partial ${x}} \\mathrel{+}= \\begin{cases} \\delta_{n,c,i,j} & \\text{if it is the window's first maximum} \\\\ 0 & \\text{otherwise} \\end{cases}`,
    };
  },
};
