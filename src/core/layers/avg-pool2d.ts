import { Tensor } from '../tensor/tensor';
import type { NodeKind } from './kind';
import { channelsAsImages, type PoolConfig, pooledInputTex, poolKindBase, poolWindow } from './pool';
import { pairOf } from './window';

const label = 'Average pooling';

/**
 * The mean of each window, channel by channel. Padding counts as zeros and the divisor is always
 * the full window size (PyTorch's default count_include_pad=True; TensorFlow's "same" divides by
 * the pixels inside the image instead). The sum over a window is a matmul with a column of ones,
 * and spreading the gradient back is the matching outer product, so no new kernel is needed.
 */
export const avgPool2dKind: NodeKind<PoolConfig> = {
  type: 'avg_pool2d',
  ...poolKindBase(label),
  summary: 'Averages each window, per channel; the depth is unchanged.',
  forward(b, config, [x]) {
    const { geometry, height, width } = poolWindow(label, config, x.shape);
    const cols = b.im2col(channelsAsImages(x), geometry, 0);
    const windowSize = cols.shape[1];
    const sums = b.matmul(cols, Tensor.filled([windowSize, 1], 1, x.dtype));
    const [n, c] = x.shape;
    return { output: b.scale(sums, 1 / windowSize).reshape([n, c, height.size, width.size]) };
  },
  backward(b, { config, inputs: [x], dy }) {
    const { geometry } = poolWindow(label, config, x.shape);
    const [kh, kw] = geometry.kernel;
    const windowSize = kh * kw;
    const spread = b.matmul(dy.reshape([dy.size, 1]), Tensor.filled([1, windowSize], 1 / windowSize, dy.dtype));
    const images = channelsAsImages(x);
    return { dInputs: [b.col2im(spread, images.shape, geometry).reshape(x.shape)], dParams: {} };
  },
  formula(config) {
    const [kh, kw] = pairOf(config.window);
    const x = pooledInputTex(config);
    return {
      forward: `y_{n,c,i,j} = \\frac{1}{${kh * kw}} \\sum_{m=0}^{${kh - 1}} \\sum_{l=0}^{${kw - 1}} ${x}\\quad\\text{(padding counts as 0, divisor always ${kh * kw})}`,
      backward: `\\frac{\\partial E}{\\partial ${x}} \\mathrel{+}= \\frac{\\delta_{n,c,i,j}}{${kh * kw}}`,
    };
  },
};
