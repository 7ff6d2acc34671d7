import { allocate, Tensor } from '../../tensor/tensor';
import type { WindowGeometry } from '../backend';
import { windowDims } from './window';

/**
 * x [N, C, H, W] -> [N * outH * outW, C * kH * kW]: one row per output position, holding the
 * window it reads, channel-major. Padding reads padValue (0 for conv, -Infinity for max pooling).
 */
export function im2col(x: Tensor, geometry: WindowGeometry, padValue: number): Tensor {
  const [n, c, h, w, outH, outW] = windowDims('im2col', x.shape, geometry);
  const [kh, kw] = geometry.kernel;
  const [sh, sw] = geometry.stride;
  const [ph, pw] = geometry.padBefore;
  const cols = allocate(x.dtype, n * outH * outW * c * kh * kw);
  const X = x.data;
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
            const inside = row >= 0 && row < h;
            const rowStart = plane + row * w;
            for (let l = 0; l < kw; l++) {
              const col = left + l;
              cols[o++] = inside && col >= 0 && col < w ? X[rowStart + col] : padValue;
            }
          }
        }
      }
    }
  }
  return new Tensor([n * outH * outW, c * kh * kw], cols);
}
