import type { Tensor } from '../tensor/tensor';

/** Activations whose slope goes flat far from 0, so a unit driven there passes almost no gradient back. */
export type SaturatingType = 'sigmoid' | 'tanh';

export const DEFAULT_SATURATION_THRESHOLD = 0.01;

/** The largest slope each saturating activation can have (sigmoid at 0: 1/4; tanh at 0: 1). */
export const maxSlope: Record<SaturatingType, number> = { sigmoid: 0.25, tanh: 1 };

export function isSaturating(type: string): type is SaturatingType {
  return type === 'sigmoid' || type === 'tanh';
}

/** f'(net) of a saturating activation, from its input net. */
export function slope(type: SaturatingType, net: number): number {
  if (type === 'tanh') {
    const t = Math.tanh(net);
    return 1 - t * t;
  }
  const s = 1 / (1 + Math.exp(-net));
  return s * (1 - s);
}

export interface Saturation {
  /** Values (unit and sample) whose slope |f'(net)| is below the threshold. */
  saturated: number;
  total: number;
  share: number;
  threshold: number;
}

/** How many of an activation's input values sit where its slope is below the threshold. */
export function saturation(type: SaturatingType, net: Tensor, threshold = DEFAULT_SATURATION_THRESHOLD): Saturation {
  let saturated = 0;
  for (let i = 0; i < net.size; i++) {
    // NaN compares false, so a NaN input is not counted as saturated.
    if (Math.abs(slope(type, net.data[i])) < threshold) saturated++;
  }
  return { saturated, total: net.size, share: net.size ? saturated / net.size : 0, threshold };
}

export interface DeadUnits {
  /** Indices of the units (positions within one sample) that output 0 for every sample. */
  dead: number[];
  units: number;
  share: number;
}

/**
 * ReLU units that are 0 for every sample of the batch: their slope is 0 everywhere the batch
 * reaches, so they pass no gradient and their incoming weights stop learning. A unit is one
 * position of a sample's output (a feature of a dense layer, a channel-pixel of a conv map).
 */
export function deadUnits(output: Tensor): DeadUnits {
  const batch = output.shape[0] ?? 1;
  const units = batch > 0 ? output.size / batch : 0;
  const dead: number[] = [];
  for (let u = 0; u < units; u++) {
    let alive = false;
    for (let n = 0; n < batch && !alive; n++) alive = output.data[n * units + u] !== 0;
    if (!alive) dead.push(u);
  }
  return { dead, units, share: units ? dead.length / units : 0 };
}

/** One channel of one sample of an [N, C, H, W] tensor, row-major, with its range for a colour scale. */
export interface ChannelMap {
  channel: number;
  height: number;
  width: number;
  values: Float32Array;
  min: number;
  max: number;
}

/** Per-channel maps of one sample of an [N, C, H, W] tensor, ready to draw as heatmaps. */
export function channelMaps(t: Tensor, sample = 0): ChannelMap[] {
  if (t.shape.length !== 4)
    throw new RangeError(`channel maps need an [N, C, H, W] tensor, not rank ${t.shape.length}`);
  const [n, channels, height, width] = t.shape;
  if (!(sample >= 0 && sample < n)) throw new RangeError(`sample ${sample} is outside the batch of ${n}`);
  const plane = height * width;
  return Array.from({ length: channels }, (_, channel) => {
    const start = (sample * channels + channel) * plane;
    const values = Float32Array.from(t.data.subarray(start, start + plane));
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (const v of values) {
      if (v < min) min = v;
      if (v > max) max = v;
    }
    return { channel, height, width, values, min, max };
  });
}
