import type { Tensor } from '../../tensor/tensor';
import type { ChannelView } from '../backend';
import { channelMap, channelReduce, checkPerChannel, checkView } from './channels';
import type { GpuContext } from './context';

// Two passes (mean, then squared deviations) keep the variance accurate when |mean| >> std. The
// first pass sums x - x0 (x0 the channel's first value), so its float32 rounding scales with the
// spread of the values rather than with |mean|.
export function moments(ctx: GpuContext, x: Tensor, view: ChannelView): { mean: Tensor; variance: Tensor } {
  checkView('moments', x, view);
  const count = view.outer * view.inner;
  const shifted = channelReduce(ctx, view, {
    key: 'shiftedMean',
    inputs: [['x', x]],
    terms: ['x[at] - x[c * p.inner]'],
    divisor: count,
  });
  const mean = channelMap(
    ctx,
    [view.channels],
    { outer: 1, channels: view.channels, inner: 1 },
    {
      key: 'unshiftMean',
      inputs: [
        ['x', x],
        ['shifted', shifted],
      ],
      body: 'out[i] = x[i * p.stride] + shifted[i];',
      uniforms: [['stride', ['u32', view.inner]]],
    },
  );
  shifted.dispose();
  const variance = channelReduce(ctx, view, {
    key: 'variance',
    inputs: [
      ['x', x],
      ['mean', mean],
    ],
    terms: ['(x[at] - mean[c]) * (x[at] - mean[c])'],
    divisor: count,
  });
  return { mean, variance };
}

// (x - mean) * s rather than x * s - mean * s: the latter rounds two large products in float32.
export function normalize(
  ctx: GpuContext,
  x: Tensor,
  mean: Tensor,
  variance: Tensor,
  epsilon: number,
  view: ChannelView,
): Tensor {
  checkView('normalize', x, view);
  checkPerChannel('normalize', 'mean', mean, view);
  checkPerChannel('normalize', 'variance', variance, view);
  return channelMap(ctx, x.shape, view, {
    key: 'normalize',
    inputs: [
      ['x', x],
      ['mean', mean],
      ['variance', variance],
    ],
    body: 'out[i] = (x[i] - mean[c]) * (1.0 / sqrt(variance[c] + p.epsilon));',
    uniforms: [['epsilon', ['f32', epsilon]]],
  });
}

// With s = 1/sqrt(var + eps) and m values per channel, the mean and the variance both depend on
// every x, which gives dx = s * (dxHat - mean(dxHat) - xHat * mean(dxHat * xHat)).
export function normalizeBackward(
  ctx: GpuContext,
  xHat: Tensor,
  dxHat: Tensor,
  variance: Tensor,
  epsilon: number,
  view: ChannelView,
): Tensor {
  checkView('normalizeBackward', xHat, view);
  checkView('normalizeBackward', dxHat, view);
  checkPerChannel('normalizeBackward', 'variance', variance, view);
  const count = view.outer * view.inner;
  // Both sums in one pass over the data: means[c] and means[channels + c].
  const means = channelReduce(ctx, view, {
    key: 'gradMeans',
    inputs: [
      ['dxHat', dxHat],
      ['xHat', xHat],
    ],
    terms: ['dxHat[at]', 'dxHat[at] * xHat[at]'],
    divisor: count,
  });
  const dx = channelMap(ctx, xHat.shape, view, {
    key: 'normalizeBackward',
    inputs: [
      ['xHat', xHat],
      ['dxHat', dxHat],
      ['variance', variance],
      ['means', means],
    ],
    body: /* wgsl */ `let s = 1.0 / sqrt(variance[c] + p.epsilon);
  out[i] = s * (dxHat[i] - means[c] - xHat[i] * means[p.channels + c]);`,
    uniforms: [['epsilon', ['f32', epsilon]]],
  });
  means.dispose();
  return dx;
}
