import { allocate, Tensor } from '../../tensor/tensor';
import type { ChannelView } from '../backend';
import { channelSums, checkView } from './channels';

// Two passes (mean, then squared deviations) keep the variance accurate when |mean| >> std.
export function moments(x: Tensor, view: ChannelView): { mean: Tensor; variance: Tensor } {
  checkView('moments', x, view);
  const { outer, channels, inner } = view;
  const count = outer * inner;
  const mean = channelSums(x, view);
  for (let c = 0; c < channels; c++) mean.data[c] /= count;
  const variance = new Float64Array(channels);
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      const start = (o * channels + c) * inner;
      const mu = mean.data[c];
      let s = 0;
      for (let i = start; i < start + inner; i++) s += (x.data[i] - mu) ** 2;
      variance[c] += s;
    }
  }
  for (let c = 0; c < channels; c++) variance[c] /= count;
  return { mean, variance: Tensor.fromArray([channels], variance, x.dtype) };
}

function inverseStd(variance: Tensor, epsilon: number): Tensor {
  const out = allocate(variance.dtype, variance.size);
  for (let c = 0; c < out.length; c++) out[c] = 1 / Math.sqrt(variance.data[c] + epsilon);
  return new Tensor([out.length], out);
}

// (x - mean) * s rather than x * s - mean * s: the latter rounds two large products in float32.
export function normalize(x: Tensor, mean: Tensor, variance: Tensor, epsilon: number, view: ChannelView): Tensor {
  checkView('normalize', x, view);
  const { outer, channels, inner } = view;
  const s = inverseStd(variance, epsilon);
  const out = allocate(x.dtype, x.size);
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      const start = (o * channels + c) * inner;
      const mu = mean.data[c];
      const sc = s.data[c];
      for (let i = start; i < start + inner; i++) out[i] = (x.data[i] - mu) * sc;
    }
  }
  return new Tensor(x.shape, out);
}

// With s = 1/sqrt(var + eps) and m values per channel, the mean and the variance both depend on
// every x, which gives dx = s * (dxHat - mean(dxHat) - xHat * mean(dxHat * xHat)).
export function normalizeBackward(
  xHat: Tensor,
  dxHat: Tensor,
  variance: Tensor,
  epsilon: number,
  view: ChannelView,
): Tensor {
  checkView('normalizeBackward', xHat, view);
  const { outer, channels, inner } = view;
  const count = outer * inner;
  const s = inverseStd(variance, epsilon);
  const meanGrad = channelSums(dxHat, view);
  const meanGradXHat = new Float64Array(channels);
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      const start = (o * channels + c) * inner;
      let acc = 0;
      for (let i = start; i < start + inner; i++) acc += dxHat.data[i] * xHat.data[i];
      meanGradXHat[c] += acc;
    }
  }
  const out = allocate(xHat.dtype, xHat.size);
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      const start = (o * channels + c) * inner;
      const a = meanGrad.data[c] / count;
      const b = meanGradXHat[c] / count;
      const sc = s.data[c];
      for (let i = start; i < start + inner; i++) out[i] = sc * (dxHat.data[i] - a - xHat.data[i] * b);
    }
  }
  return new Tensor(xHat.shape, out);
}
