import type { Shape } from '../../tensor/shape';
import { allocate, Tensor } from '../../tensor/tensor';
import type { WindowGeometry } from '../backend';
import { windowDims } from './window';

/**
 * The adjoint of im2col: every value of cols [N * outH * outW, C * kH * kW] is added to the
 * input position it was read from, so overlapping windows sum; values read from padding drop.
 */
export function col2im(cols: Tensor, inputShape: Shape, geometry: WindowGeometry): Tensor {
  const [n, c, h, w, outH, outW] = windowDims('col2im', inputShape, geometry);
  const [kh, kw] = geometry.kernel;
  const [sh, sw] = geometry.stride;
  const [ph, pw] = geometry.padBefore;
  if (cols.size !== n * outH * outW * c * kh * kw) {
    throw new Error(`col2im: [${cols.shape}] is not the im2col of [${inputShape}] with a ${kh}x${kw} window`);
  }
  const image = allocate(cols.dtype, n * c * h * w);
  const C = cols.data;
  let o = 0;
  for (let b = 0; b < n; b++) {
    for (let i = 0; i < outH; i++) {
      const top = i * sh - ph;
      for (let j = 0; j < outW; j++) {
        const left = j * sw - pw;
        for (let ch = 0; ch < c; ch++) {
          const plane = (b * c + ch) * h * w;
          for (let m = 0; m < kh; m++) {
            const row = top + m;
            if (row < 0 || row >= h) {
              o += kw;
              continue;
            }
            const rowStart = plane + row * w;
            for (let l = 0; l < kw; l++) {
              const col = left + l;
              if (col >= 0 && col < w) image[rowStart + col] += C[o];
              o++;
            }
          }
        }
      }
    }
  }
  return new Tensor(inputShape, image);
}
