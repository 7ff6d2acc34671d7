import { allocate, Tensor } from '../../tensor/tensor';
import type { ChannelView, LrnOptions } from '../backend';
import { checkView } from './channels';

/** D_c = k + alpha * sum of a_j^2 over the channels j within radius of c, for one position. */
function denominators(x: Tensor, view: ChannelView, o: number, i: number, options: LrnOptions, out: Float64Array) {
  const { channels, inner } = view;
  const base = o * channels * inner + i;
  for (let c = 0; c < channels; c++) {
    let s = 0;
    const last = Math.min(channels - 1, c + options.radius);
    for (let j = Math.max(0, c - options.radius); j <= last; j++) s += x.data[base + j * inner] ** 2;
    out[c] = options.bias + options.alpha * s;
  }
}

export function localResponseNorm(x: Tensor, options: LrnOptions, view: ChannelView): Tensor {
  checkView('localResponseNorm', x, view);
  const { outer, channels, inner } = view;
  const out = allocate(x.dtype, x.size);
  const d = new Float64Array(channels);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      denominators(x, view, o, i, options, d);
      const base = o * channels * inner + i;
      for (let c = 0; c < channels; c++) out[base + c * inner] = x.data[base + c * inner] * d[c] ** -options.beta;
    }
  }
  return new Tensor(x.shape, out);
}

// b_c = a_c D_c^-beta; a_j appears in its own numerator and in the D_c of every channel c within
// radius of j: dE/da_j = dy_j D_j^-beta - 2 alpha beta a_j sum_c dy_c a_c D_c^(-beta-1).
export function localResponseNormBackward(x: Tensor, dy: Tensor, options: LrnOptions, view: ChannelView): Tensor {
  checkView('localResponseNormBackward', x, view);
  const { outer, channels, inner } = view;
  const { radius, alpha, beta } = options;
  const out = allocate(x.dtype, x.size);
  const d = new Float64Array(channels);
  const through = new Float64Array(channels);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      denominators(x, view, o, i, options, d);
      const base = o * channels * inner + i;
      for (let c = 0; c < channels; c++) {
        const at = base + c * inner;
        through[c] = dy.data[at] * x.data[at] * d[c] ** (-beta - 1);
      }
      for (let j = 0; j < channels; j++) {
        let s = 0;
        const last = Math.min(channels - 1, j + radius);
        for (let c = Math.max(0, j - radius); c <= last; c++) s += through[c];
        const at = base + j * inner;
        out[at] = dy.data[at] * d[j] ** -beta - 2 * alpha * beta * x.data[at] * s;
      }
    }
  }
  return new Tensor(x.shape, out);
}
