import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnyNodeKind, Params } from '../../../src/core/layers/kind';
import { findKind } from '../../../src/core/layers/registry';
import { KERAS_EPSILON } from '../../../src/core/losses/binary-cross-entropy';
import { type DType, Tensor } from '../../../src/core/tensor/tensor';
import { relativeDifference, tfReady } from '../reference/tfjs';
import { context, lossAndGradient, oneHotRows, randomLabels, randomTensor, seeded } from './helpers';

const TOLERANCE = 1e-4;
const worst = new Map<string, number>();

beforeAll(async () => {
  await tfReady();
});

// The largest differences, for reports: LOSS_ERRORS=1 npx vitest run tests/core/losses
afterAll(() => {
  if (process.env.LOSS_ERRORS) console.log(Object.fromEntries(worst));
});

function toTf(t: Tensor): tf.Tensor {
  return tf.tensor(Float32Array.from(t.data), [...t.shape], 'float32');
}

function fromTf(t: tf.Tensor): Tensor {
  return new Tensor(t.shape, Float32Array.from(t.dataSync()));
}

function kind(type: string): AnyNodeKind {
  const k = findKind(type);
  if (!k) throw new Error(`no kind '${type}'`);
  return k;
}

/** The reference loss and its gradients in each of `wrt`, from tf.grads. */
function reference(f: (...xs: tf.Tensor[]) => tf.Scalar, wrt: Tensor[]): { loss: Tensor; grads: Tensor[] } {
  const xs = wrt.map(toTf);
  const { value, grads } = tf.valueAndGrads(f)(xs);
  const result = { loss: fromTf(value), grads: grads.map(fromTf) };
  tf.dispose([...xs, value, ...grads]);
  return result;
}

/** The engine's loss and gradients in float64 and float32, each against the reference. */
function compare(
  label: string,
  type: string,
  config: unknown,
  prediction: Tensor,
  target: Tensor,
  expected: { loss: Tensor; grads: Tensor[] },
  params: Params = {},
  dtypes: DType[] = ['float64', 'float32'],
): void {
  for (const dtype of dtypes) {
    const cast: Params = Object.fromEntries(Object.entries(params).map(([n, p]) => [n, p.cast(dtype)]));
    const ours = lossAndGradient(kind(type), config, [prediction.cast(dtype)], context(target.cast(dtype)), cast);
    const errors = [
      relativeDifference(Tensor.scalar(ours.loss, 'float64'), expected.loss),
      relativeDifference(ours.grad, expected.grads[0]),
      ...Object.keys(params).map((name, i) => relativeDifference(ours.dParams[name], expected.grads[i + 1])),
    ];
    const error = Math.max(...errors);
    worst.set(`${label} ${dtype}`, Math.max(worst.get(`${label} ${dtype}`) ?? 0, error));
    expect(error, `${label} in ${dtype}: ${errors.map((e) => e.toExponential(2))}`).toBeLessThan(TOLERANCE);
  }
}

function binaryTargets(shape: number[], seed: number, soft: boolean): Tensor {
  const t = randomTensor(shape, seeded(seed), 0, 1);
  if (!soft) for (let i = 0; i < t.size; i++) t.data[i] = Math.round(t.data[i]);
  return t;
}

describe('losses against TensorFlow.js (values and tf.grad, float32 reference, 1e-4 relative)', () => {
  for (const soft of [false, true]) {
    it(`binary_cross_entropy_with_logits = tf.losses.sigmoidCrossEntropy (mean), ${soft ? 'soft' : '0/1'} targets`, () => {
      const z = randomTensor([6, 3], seeded(1), -6, 6);
      z.data.set([1000, -1000, 40], 0);
      const y = binaryTargets([6, 3], 2, soft);
      const yt = toTf(y);
      const expected = reference((zt) => tf.losses.sigmoidCrossEntropy(yt, zt), [z]);
      compare('sigmoid CE', 'binary_cross_entropy_with_logits', {}, z, y, expected);
    });

    it(`binary_cross_entropy = clipped mean -[y ln a + (1 - y) ln(1 - a)] in tf ops, ${soft ? 'soft' : '0/1'} targets`, () => {
      const a = randomTensor([5, 4], seeded(3), 0.01, 0.99);
      const y = binaryTargets([5, 4], 4, soft);
      const yt = toTf(y);
      const bce = (at: tf.Tensor) => {
        const p = tf.clipByValue(at, KERAS_EPSILON, 1 - KERAS_EPSILON);
        const perValue = tf.add(tf.mul(yt, tf.log(p)), tf.mul(tf.sub(1, yt), tf.log(tf.sub(1, p))));
        return tf.neg(tf.mean(perValue)) as tf.Scalar;
      };
      compare('BCE', 'binary_cross_entropy', {}, a, y, reference(bce, [a]));
      // Clipped values: the bounds are the dtype's, so only float32 meets tfjs's float32 values.
      a.data.set([0, 1, 1e-9, 1 - 1e-9], 0);
      compare('BCE clipped', 'binary_cross_entropy', {}, a, y, reference(bce, [a]), {}, ['float32']);
    });
  }

  it('softmax_cross_entropy = tf.losses.softmaxCrossEntropy (mean over the batch), one-hot and index labels', () => {
    const z = randomTensor([7, 4], seeded(5), -4, 4);
    z.data.set([1000, -1000, 0, 1000], 0);
    const labels = randomLabels(7, 4, seeded(6));
    const rows = oneHotRows(labels, 4);
    const rowsTf = toTf(rows);
    const expected = reference((zt) => tf.losses.softmaxCrossEntropy(rowsTf, zt), [z]);
    compare('softmax CE one-hot', 'softmax_cross_entropy', { labels: 'one_hot' }, z, rows, expected);
    const indices = Tensor.fromArray([7], labels, 'float64');
    compare('softmax CE index', 'softmax_cross_entropy', { labels: 'index' }, z, indices, expected);
  });

  it('softmax_cross_entropy = tf.losses.softmaxCrossEntropy with probability rows', () => {
    const z = randomTensor([5, 3], seeded(7), -3, 3);
    const p = randomTensor([5, 3], seeded(8), -2, 2);
    for (let n = 0; n < 5; n++) {
      let total = 0;
      for (let k = 0; k < 3; k++) {
        p.data[3 * n + k] = Math.exp(p.data[3 * n + k]);
        total += p.data[3 * n + k];
      }
      for (let k = 0; k < 3; k++) p.data[3 * n + k] /= total;
    }
    const pt = toTf(p);
    const expected = reference((zt) => tf.losses.softmaxCrossEntropy(pt, zt), [z]);
    compare('softmax CE soft', 'softmax_cross_entropy', { labels: 'one_hot' }, z, p, expected);
  });

  it('mse = tf.losses.meanSquaredError (mean over every value)', () => {
    const y = randomTensor([4, 3], seeded(9), -2, 2);
    const t = randomTensor([4, 3], seeded(10), -2, 2);
    const tt = toTf(t);
    compare(
      'MSE',
      'mse',
      {},
      y,
      t,
      reference((yt) => tf.losses.meanSquaredError(tt, yt), [y]),
    );
  });

  it('center_loss = lambda/2 sum ||x - onehot(y) C||^2 in tf ops, gradients in features and centres', () => {
    const x = randomTensor([6, 3], seeded(11), -2, 2);
    const c = randomTensor([4, 3], seeded(12), -1, 1);
    const labels = randomLabels(6, 4, seeded(13));
    const yt = toTf(oneHotRows(labels, 4));
    const lambda = 0.3;
    const f = (xt: tf.Tensor, ct: tf.Tensor) =>
      tf.mul(0.5 * lambda, tf.sum(tf.square(tf.sub(xt, tf.matMul(yt as tf.Tensor2D, ct as tf.Tensor2D))))) as tf.Scalar;
    const config = { classes: 4, lambda, alpha: 0.5, labels: 'index' };
    const target = Tensor.fromArray([6], labels, 'float64');
    compare('center loss', 'center_loss', config, x, target, reference(f, [x, c]), { centers: c });
  });
});
