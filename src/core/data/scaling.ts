import { Tensor } from '../tensor/tensor';

/**
 * Input scaling per feature: min-max to [0, 1] or [-1, 1], z-score (mean 0, standard deviation 1,
 * the population deviation as scikit-learn's StandardScaler), or ln(1 + x) for long-tailed values.
 */
export type ScalingKind = 'none' | 'min_max' | 'min_max_symmetric' | 'z_score' | 'log';

export const scalingKinds: readonly ScalingKind[] = ['none', 'min_max', 'min_max_symmetric', 'z_score', 'log'];

/** A fitted scaling: the linear kinds map x to (x - shift) * factor per feature; log ignores both. */
export interface Scaler {
  kind: ScalingKind;
  shift: number[];
  factor: number[];
}

/** Thrown when a value cannot be scaled (ln(1 + x) of x <= -1), with its row and feature. */
export class ScalingError extends Error {
  override name = 'ScalingError';
  constructor(
    readonly row: number,
    readonly feature: number,
    message: string,
  ) {
    super(message);
  }
}

/** Fits a scaler to features [N, F], typically on the training split only, to apply to every split. */
export function fitScaler(features: Tensor, kind: ScalingKind): Scaler {
  const [n, f] = rowsAndColumns(features);
  const shift = new Array<number>(f).fill(0);
  const factor = new Array<number>(f).fill(1);
  if (kind === 'none' || kind === 'log' || n === 0) return { kind, shift, factor };
  for (let j = 0; j < f; j++) {
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const v = features.data[i * f + j];
      min = Math.min(min, v);
      max = Math.max(max, v);
      sum += v;
    }
    const mean = sum / n;
    // A constant feature keeps factor 1: it becomes 0 (or the range's middle) instead of a division by zero.
    if (kind === 'z_score') {
      let squares = 0;
      for (let i = 0; i < n; i++) squares += (features.data[i * f + j] - mean) ** 2;
      const std = Math.sqrt(squares / n);
      shift[j] = mean;
      factor[j] = std > 0 ? 1 / std : 1;
    } else {
      const range = max - min;
      const symmetric = kind === 'min_max_symmetric';
      shift[j] = symmetric ? (min + max) / 2 : min;
      factor[j] = range > 0 ? (symmetric ? 2 : 1) / range : 1;
    }
  }
  return { kind, shift, factor };
}

/** The features scaled by a fitted scaler, as a new tensor. */
export function applyScaler(features: Tensor, scaler: Scaler): Tensor {
  const [n, f] = rowsAndColumns(features);
  const out = Tensor.zeros(features.shape, features.dtype);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < f; j++) {
      const v = features.data[i * f + j];
      if (scaler.kind === 'log') {
        if (!(v > -1)) throw new ScalingError(i, j, `log scaling takes ln(1 + x) and needs x > -1, got ${v}`);
        out.data[i * f + j] = Math.log1p(v);
      } else {
        out.data[i * f + j] = (v - scaler.shift[j]) * scaler.factor[j];
      }
    }
  }
  return out;
}

function rowsAndColumns(features: Tensor): [number, number] {
  if (features.shape.length !== 2)
    throw new Error(`scaling works on features [N, F], got rank ${features.shape.length}`);
  return [features.shape[0], features.shape[1]];
}
