import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { Tensor } from '../../../src/core/tensor/tensor';

/**
 * TensorFlow.js as the reference for conv and pooling. The engine is NCHW with OIHW filters; tfjs
 * is NHWC with HWIO filters, so the layout is converted here, in the tests, never in the engine.
 * Each reference returns the output and the gradients of L = sum(y * r) for a given r (the
 * upstream gradient), all in the engine's NCHW / OIHW layout and in float32.
 */

let ready: Promise<boolean> | undefined;

export function tfReady(): Promise<boolean> {
  ready ??= tf.setBackend('cpu');
  return ready;
}

/** Padding as the layer configs write it. */
export type PaddingConfig = number | [number, number] | 'valid' | 'same';

export interface ConvReference {
  y: Tensor;
  dx: Tensor;
  dW: Tensor;
  db: Tensor;
}

export interface PoolReference {
  y: Tensor;
  dx: Tensor;
}

const NCHW_TO_NHWC = [0, 2, 3, 1];
const NHWC_TO_NCHW = [0, 3, 1, 2];

/** Runs fn and frees the tfjs tensors it made; results are engine tensors, which tf.tidy cannot return. */
function scoped<T>(fn: () => T): T {
  tf.engine().startScope();
  try {
    return fn();
  } finally {
    tf.engine().endScope();
  }
}

function toTf(t: Tensor, perm?: number[]): tf.Tensor {
  const x = tf.tensor(Float32Array.from(t.data), [...t.shape], 'float32');
  return perm ? tf.transpose(x, perm) : x;
}

function fromTf(t: tf.Tensor, perm?: number[]): Tensor {
  const x = perm ? tf.transpose(t, perm) : t;
  return new Tensor(x.shape, Float32Array.from(x.dataSync()));
}

function pair(v: number | [number, number]): [number, number] {
  return typeof v === 'number' ? [v, v] : v;
}

/** tfjs floors non-integer output sizes only when asked, and accepts the request only for numeric padding. */
function rounding(padding: PaddingConfig): 'floor' | undefined {
  return typeof padding === 'string' ? undefined : 'floor';
}

function explicitPadding(padding: PaddingConfig): 'valid' | 'same' | tf.backend_util.ExplicitPadding {
  if (typeof padding === 'string') return padding;
  const [ph, pw] = pair(padding);
  return [
    [0, 0],
    [ph, ph],
    [pw, pw],
    [0, 0],
  ];
}

/** y = conv(x, W) + b with x [N, C, H, W], W [K, C, kH, kW], b [K]; tfjs floors non-integer sizes as the engine does. */
export function tfConv2d(
  x: Tensor,
  W: Tensor,
  b: Tensor,
  r: Tensor,
  stride: number | [number, number],
  padding: PaddingConfig,
): ConvReference {
  return scoped(() => {
    const xt = toTf(x, NCHW_TO_NHWC) as tf.Tensor4D;
    const wt = toTf(W, [2, 3, 1, 0]) as tf.Tensor4D;
    const bt = toTf(b) as tf.Tensor1D;
    const rt = toTf(r, NCHW_TO_NHWC);
    const forward = (xv: tf.Tensor, wv: tf.Tensor, bv: tf.Tensor) =>
      tf.add(
        tf.conv2d(
          xv as tf.Tensor4D,
          wv as tf.Tensor4D,
          pair(stride),
          explicitPadding(padding),
          'NHWC',
          1,
          rounding(padding),
        ),
        bv,
      );
    const [dx, dW, db] = tf.grads((xv, wv, bv) => tf.sum(tf.mul(forward(xv, wv, bv), rt)))([xt, wt, bt]);
    return {
      y: fromTf(forward(xt, wt, bt), NHWC_TO_NCHW),
      dx: fromTf(dx, NHWC_TO_NCHW),
      dW: fromTf(dW, [3, 2, 0, 1]),
      db: fromTf(db),
    };
  });
}

export interface PoolSpec {
  window: number | [number, number];
  stride?: number | [number, number];
  padding: PaddingConfig;
}

/** Max pooling; tfjs pads max pooling so that padding never wins, as the engine does. */
export function tfMaxPool(x: Tensor, r: Tensor, spec: PoolSpec): PoolReference {
  const stride = pair(spec.stride ?? spec.window);
  return poolReference(x, r, (xv) =>
    tf.maxPool(xv as tf.Tensor4D, pair(spec.window), stride, explicitPadding(spec.padding), rounding(spec.padding)),
  );
}

/**
 * Average pooling with padding counted as zeros (PyTorch's count_include_pad=True), which the
 * engine uses. tfjs's own avgPool leaves padding out of the divisor, so the input is zero-padded
 * first (by the amounts tfjs itself computes for "same") and pooled without padding.
 */
export function tfAvgPool(x: Tensor, r: Tensor, spec: PoolSpec): PoolReference {
  const window = pair(spec.window);
  const stride = pair(spec.stride ?? spec.window);
  const [n, c, h, w] = x.shape;
  let pads: [[number, number], [number, number]];
  if (spec.padding === 'same') {
    const info = tf.backend_util.computePool2DInfo([n, h, w, c], window, stride, 1, 'same');
    pads = [
      [info.padInfo.top, info.padInfo.bottom],
      [info.padInfo.left, info.padInfo.right],
    ];
  } else {
    const [ph, pw] = spec.padding === 'valid' ? [0, 0] : pair(spec.padding);
    pads = [
      [ph, ph],
      [pw, pw],
    ];
  }
  return poolReference(x, r, (xv) =>
    tf.avgPool(tf.pad(xv as tf.Tensor4D, [[0, 0], pads[0], pads[1], [0, 0]]), window, stride, 'valid'),
  );
}

/** The mean of each channel over height and width: [N, C, H, W] -> [N, C]. */
export function tfGlobalAvgPool(x: Tensor, r: Tensor): PoolReference {
  return scoped(() => {
    const xt = toTf(x, NCHW_TO_NHWC);
    const rt = toTf(r);
    const forward = (xv: tf.Tensor) => tf.mean(xv, [1, 2]);
    const [dx] = tf.grads((xv) => tf.sum(tf.mul(forward(xv), rt)))([xt]);
    return { y: fromTf(forward(xt)), dx: fromTf(dx, NHWC_TO_NCHW) };
  });
}

function poolReference(x: Tensor, r: Tensor, pool: (x: tf.Tensor) => tf.Tensor): PoolReference {
  return scoped(() => {
    const xt = toTf(x, NCHW_TO_NHWC);
    const rt = toTf(r, NCHW_TO_NHWC);
    const [dx] = tf.grads((xv) => tf.sum(tf.mul(pool(xv), rt)))([xt]);
    return { y: fromTf(pool(xt), NHWC_TO_NCHW), dx: fromTf(dx, NHWC_TO_NCHW) };
  });
}

/**
 * The largest relative difference between the engine's values and the reference's, each
 * measured against the reference value but never against less than 1% of the tensor's largest
 * magnitude (a sum that cancels to ~0 has no meaningful relative error in float32).
 */
export function relativeDifference(actual: Tensor, expected: Tensor): number {
  if (actual.size !== expected.size) return Number.POSITIVE_INFINITY;
  let largest = 0;
  for (let i = 0; i < expected.size; i++) largest = Math.max(largest, Math.abs(expected.data[i]));
  const floor = Math.max(largest * 1e-2, 1e-12);
  let worst = 0;
  for (let i = 0; i < expected.size; i++) {
    const scale = Math.max(Math.abs(expected.data[i]), floor);
    worst = Math.max(worst, Math.abs(actual.data[i] - expected.data[i]) / scale);
  }
  return worst;
}
