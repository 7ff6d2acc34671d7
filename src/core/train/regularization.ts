import type { Shape } from '../tensor/shape';
import type { TypedArray } from '../tensor/tensor';

/**
 * What every optimizer may do around its own rule, in Keras's order: penalties add to the
 * gradient (they are part of the loss), clipping bounds the gradient, the rule updates, and a
 * constraint projects the updated weights.
 */
export interface GradientOptions {
  /** Keras regularizers.L1: penalty l1 * sum |w|, adding l1 * sign(w) to the gradient of each weight. */
  l1?: number;
  /** Keras regularizers.L2: penalty l2 * sum w^2, adding 2 * l2 * w (PyTorch's weight_decay lambda is 2 * l2). */
  l2?: number;
  /** Keras clipvalue: each gradient element clipped to [-c, c]. */
  clipValue?: number;
  /** Keras global_clipnorm (tf.clip_by_global_norm): all gradients scaled by c / max(||g||, c), after clipValue. */
  clipNorm?: number;
  /** Keras constraints.MaxNorm: ||w|| <= c for each output unit's incoming weights, applied after the update. */
  maxNorm?: number;
}

/**
 * Penalties and constraints apply to weights (rank 2 and up), not to biases or per-channel
 * scales, as layers attach kernel_regularizer and kernel_constraint in Keras.
 */
export function isWeight(shape: Shape): boolean {
  return shape.length >= 2;
}

/** out <- g + penalty gradients at w, each element clipped to [-clipValue, clipValue]. */
export function prepareGradient(
  out: Float64Array,
  g: TypedArray,
  w: TypedArray,
  shape: Shape,
  o: GradientOptions,
): void {
  const l1 = isWeight(shape) ? (o.l1 ?? 0) : 0;
  const l2 = isWeight(shape) ? (o.l2 ?? 0) : 0;
  const clip = o.clipValue;
  for (let i = 0; i < out.length; i++) {
    let v = g[i];
    if (l1) v += l1 * Math.sign(w[i]);
    if (l2) v += 2 * l2 * w[i];
    if (clip !== undefined) v = Math.min(clip, Math.max(-clip, v));
    out[i] = v;
  }
}

/** Scales the gradients together so that their global L2 norm is at most clipNorm; returns the norm before. */
export function clipByGlobalNorm(grads: Float64Array[], clipNorm: number): number {
  let sumSquares = 0;
  for (const g of grads) for (let i = 0; i < g.length; i++) sumSquares += g[i] * g[i];
  const norm = Math.sqrt(sumSquares);
  if (norm > clipNorm) {
    const factor = clipNorm / norm;
    for (const g of grads) for (let i = 0; i < g.length; i++) g[i] *= factor;
  }
  return norm;
}

/** Keras's epsilon in MaxNorm: w * min(n, c) / (epsilon + n). */
const MAX_NORM_EPSILON = 1e-7;

/**
 * Rescales each output unit's incoming weights to norm at most maxNorm. The output unit is the
 * last axis of a dense weight [inputs, units] and the first of a conv weight [out, in, kH, kW].
 */
export function applyMaxNorm(w: TypedArray, shape: Shape, maxNorm: number): void {
  const units = shape.length === 2 ? shape[1] : shape[0];
  const perUnit = w.length / units;
  // Dense: unit j's weights sit at j, j + units, ...; conv: unit j's weights are one contiguous block.
  const stride = shape.length === 2 ? units : 1;
  for (let j = 0; j < units; j++) {
    const start = shape.length === 2 ? j : j * perUnit;
    let sumSquares = 0;
    for (let k = 0; k < perUnit; k++) sumSquares += w[start + k * stride] ** 2;
    const norm = Math.sqrt(sumSquares);
    const factor = Math.min(norm, maxNorm) / (MAX_NORM_EPSILON + norm);
    for (let k = 0; k < perUnit; k++) w[start + k * stride] *= factor;
  }
}
