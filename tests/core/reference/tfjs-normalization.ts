import * as tf from '@tensorflow/tfjs-core';
import { Tensor } from '../../../src/core/tensor/tensor';
import { tfReady } from './tfjs';

/**
 * TensorFlow.js references for normalisation, dropout-free regularisation and merge nodes. Each
 * returns the output and the gradients of L = sum(y * r) with respect to every argument, in the
 * engine's layout (NCHW; tfjs's NHWC only where a tfjs op needs it, converted here).
 */
export { tfReady };

export interface Reference {
  y: Tensor;
  /** One gradient per argument, in argument order. */
  grads: Tensor[];
}

const NCHW_TO_NHWC = [0, 2, 3, 1];
const NHWC_TO_NCHW = [0, 3, 1, 2];

function toTf(t: Tensor): tf.Tensor {
  return tf.tensor(Float32Array.from(t.data), [...t.shape], 'float32');
}

function fromTf(t: tf.Tensor): Tensor {
  return new Tensor(t.shape, Float32Array.from(t.dataSync()));
}

function reference(f: (...args: tf.Tensor[]) => tf.Tensor, args: Tensor[], r: Tensor): Reference {
  const results = tf.tidy(() => {
    const tfArgs = args.map(toTf);
    const rt = toTf(r);
    const grads = tf.grads((...xs: tf.Tensor[]) => tf.sum(tf.mul(f(...xs), rt)))(tfArgs);
    return [f(...tfArgs), ...grads];
  });
  const [y, ...grads] = results.map(fromTf);
  tf.dispose(results);
  return { y, grads };
}

/** Channels last for rank 4, so that tfjs's per-last-axis ops act per channel. */
function channelsLast(x: tf.Tensor): tf.Tensor {
  return x.rank === 4 ? tf.transpose(x, NCHW_TO_NHWC) : x;
}

function channelsFirst(x: tf.Tensor): tf.Tensor {
  return x.rank === 4 ? tf.transpose(x, NHWC_TO_NCHW) : x;
}

/** tf.batchNorm with the batch's tf.moments (training), or with fixed running statistics (evaluation). */
export function tfBatchNorm(
  x: Tensor,
  gamma: Tensor,
  beta: Tensor,
  r: Tensor,
  epsilon: number,
  running?: { mean: Tensor; variance: Tensor },
): Reference {
  const f = (xv: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
    const last = channelsLast(xv);
    const axes = last.rank === 4 ? [0, 1, 2] : [0];
    const stats = running ? { mean: toTf(running.mean), variance: toTf(running.variance) } : tf.moments(last, axes);
    return channelsFirst(tf.batchNorm(last, stats.mean, stats.variance, b, g, epsilon));
  };
  return reference(f, [x, gamma, beta], r);
}

function standardize(x: tf.Tensor, axes: number[], epsilon: number): tf.Tensor {
  const { mean, variance } = tf.moments(x, axes, true);
  return tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, epsilon)));
}

/** Statistics per sample over every other axis; gamma and beta of the sample's shape. */
export function tfLayerNorm(x: Tensor, gamma: Tensor, beta: Tensor, r: Tensor, epsilon: number): Reference {
  const axes = x.shape.slice(1).map((_, i) => i + 1);
  return reference((xv, g, b) => tf.add(tf.mul(standardize(xv, axes, epsilon), g), b), [x, gamma, beta], r);
}

/** Statistics per sample and group of adjacent channels; gamma and beta per channel. */
export function tfGroupNorm(
  x: Tensor,
  gamma: Tensor,
  beta: Tensor,
  r: Tensor,
  groups: number,
  epsilon: number,
): Reference {
  const perChannel = [1, x.shape[1], ...x.shape.slice(2).map(() => 1)];
  const f = (xv: tf.Tensor, g: tf.Tensor, b: tf.Tensor) => {
    const grouped = standardize(tf.reshape(xv, [x.shape[0], groups, -1]), [2], epsilon);
    return tf.add(tf.mul(tf.reshape(grouped, [...x.shape]), tf.reshape(g, perChannel)), tf.reshape(b, perChannel));
  };
  return reference(f, [x, gamma, beta], r);
}

/** tf.localResponseNormalization on NHWC; [N, F] goes in as [N, 1, 1, F]. */
export function tfLocalResponseNorm(
  x: Tensor,
  r: Tensor,
  options: { depthRadius: number; bias: number; alpha: number; beta: number },
): Reference {
  const f = (xv: tf.Tensor) => {
    const nhwc = (
      xv.rank === 4 ? tf.transpose(xv, NCHW_TO_NHWC) : tf.reshape(xv, [x.shape[0], 1, 1, -1])
    ) as tf.Tensor4D;
    const y = tf.localResponseNormalization(nhwc, options.depthRadius, options.bias, options.alpha, options.beta);
    return xv.rank === 4 ? tf.transpose(y, NHWC_TO_NCHW) : tf.reshape(y, [...x.shape]);
  };
  return reference(f, [x], r);
}

export function tfAdd(xs: Tensor[], r: Tensor): Reference {
  return reference((...vs) => tf.addN(vs), xs, r);
}

export function tfConcat(xs: Tensor[], r: Tensor): Reference {
  return reference((...vs) => tf.concat(vs, 1), xs, r);
}

/** Dense with weight normalisation: x (g * v / ||v||) + b, the norm over each column of v. */
export function tfWeightNormDense(x: Tensor, v: Tensor, g: Tensor, b: Tensor, r: Tensor): Reference {
  const f = (xv: tf.Tensor, vv: tf.Tensor, gv: tf.Tensor, bv: tf.Tensor) => {
    const w = tf.mul(vv, tf.div(gv, tf.sqrt(tf.sum(tf.square(vv), 0))));
    return tf.add(tf.matMul(xv as tf.Tensor2D, w as tf.Tensor2D), bv);
  };
  return reference(f, [x, v, g, b], r);
}
