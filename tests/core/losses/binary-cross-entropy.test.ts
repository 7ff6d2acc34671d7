import { describe, expect, it } from 'vitest';
import { binaryCrossEntropyKind, KERAS_EPSILON } from '../../../src/core/losses/binary-cross-entropy';
import { binaryCrossEntropyWithLogitsKind } from '../../../src/core/losses/binary-cross-entropy-with-logits';
import { Tensor } from '../../../src/core/tensor/tensor';
import { backend, context, expectGradientsMatch, lossAndGradient, nested, randomTensor, seeded } from './helpers';

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/** 0/1 targets, or soft targets in [0, 1] when soft is set. */
function targets(shape: number[], seed: number, soft = false): Tensor {
  const t = randomTensor(shape, seeded(seed), 0, 1);
  if (!soft) for (let i = 0; i < t.size; i++) t.data[i] = Math.round(t.data[i]);
  return t;
}

describe('binary_cross_entropy (probabilities, clipped as Keras)', () => {
  it('computes -(1/n) sum [y ln a + (1 - y) ln(1 - a)], the mean over every value', () => {
    const a = nested([
      [0.9, 0.2],
      [0.4, 0.7],
    ]);
    const y = nested([
      [1, 0],
      [0, 1],
    ]);
    const { loss, grad } = lossAndGradient(binaryCrossEntropyKind, {}, [a], context(y));
    const expected = -(Math.log(0.9) + Math.log(0.8) + Math.log(0.6) + Math.log(0.7)) / 4;
    expect(loss).toBeCloseTo(expected, 14);
    expect(grad.data[0]).toBeCloseTo(-1 / 0.9 / 4, 14);
    expect(grad.data[1]).toBeCloseTo(1 / 0.8 / 4, 14);
  });

  for (const shape of [
    [1, 3],
    [5, 3],
  ]) {
    for (const soft of [false, true]) {
      it(`matches central differences, batch ${shape[0]}, ${soft ? 'soft' : '0/1'} targets`, () => {
        const a = randomTensor(shape, seeded(shape[0]), 0.05, 0.95);
        const err = expectGradientsMatch(binaryCrossEntropyKind, {}, [a], context(targets(shape, 7, soft)));
        expect(err).toBeLessThan(1e-6);
      });
    }
  }

  it('clips a to [1e-7, 1 - 1e-7]: a = 0 or 1 costs -ln(1e-7) at most, and no gradient passes where clipped', () => {
    const a = nested([[0, 1, 0, 1]]);
    const y = nested([[1, 0, 0, 1]]);
    const { loss, grad } = lossAndGradient(binaryCrossEntropyKind, {}, [a], context(y));
    // a = 1 is clipped to 1 - eps, and 1 - (1 - eps) is eps only up to rounding, in Keras too
    const wrongAtZero = -Math.log(KERAS_EPSILON);
    const wrongAtOne = -Math.log(1 - (1 - KERAS_EPSILON));
    const right = -Math.log(1 - KERAS_EPSILON);
    expect(loss).toBeCloseTo((wrongAtZero + wrongAtOne + 2 * right) / 4, 14);
    expect(wrongAtZero).toBeCloseTo(16.118, 3);
    expect(Array.from(grad.data)).toEqual([0, 0, 0, 0]);
  });

  it('clips at the float32 neighbours of 1e-7 and 1 - 1e-7 in float32, as TensorFlow does', () => {
    const r = lossAndGradient(
      binaryCrossEntropyKind,
      {},
      [nested([[1]], 'float32')],
      context(nested([[0]], 'float32')),
    );
    expect(r.loss).toBeCloseTo(-Math.log(1 - Math.fround(1 - KERAS_EPSILON)), 5);
    expect(r.loss).toBeCloseTo(15.942, 3);
  });
});

describe('binary_cross_entropy_with_logits (stable form)', () => {
  it('computes max(z, 0) - z y + ln(1 + e^-|z|), mean over every value; gradient (sigmoid(z) - y) / n', () => {
    const z = nested([[2, -1, 0.5]]);
    const y = nested([[1, 0, 0.3]]);
    const { loss, grad } = lossAndGradient(binaryCrossEntropyWithLogitsKind, {}, [z], context(y));
    const perValue = [0, 1, 2].map(
      (i) => Math.max(z.data[i], 0) - z.data[i] * y.data[i] + Math.log1p(Math.exp(-Math.abs(z.data[i]))),
    );
    expect(loss).toBeCloseTo((perValue[0] + perValue[1] + perValue[2]) / 3, 14);
    for (let i = 0; i < 3; i++) expect(grad.data[i]).toBeCloseTo((sigmoid(z.data[i]) - y.data[i]) / 3, 14);
  });

  for (const shape of [
    [1, 4],
    [6, 2],
  ]) {
    for (const soft of [false, true]) {
      it(`matches central differences, batch ${shape[0]}, ${soft ? 'soft' : '0/1'} targets`, () => {
        const z = randomTensor(shape, seeded(10 + shape[0]), -6, 6);
        const err = expectGradientsMatch(binaryCrossEntropyWithLogitsKind, {}, [z], context(targets(shape, 3, soft)));
        expect(err).toBeLessThan(1e-6);
      });
    }
  }

  it('stays finite with the right gradient for logits of +-1000, in float64 and float32', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const z = nested([[1000, -1000, 1000, -1000]], dtype);
      const y = nested([[1, 0, 0, 1]], dtype);
      const { loss, grad } = lossAndGradient(binaryCrossEntropyWithLogitsKind, {}, [z], context(y));
      // right answers cost nothing; confident wrong answers cost |z| each
      expect(loss).toBe(500);
      expect(Array.from(grad.data)).toEqual([0, 0, 0.25, -0.25]);
    }
  });

  it('equals binary_cross_entropy(sigmoid(z)) where sigmoid(z) is inside the clip range, the sigmoid factor cancelling', () => {
    const shape = [8, 3];
    const z = randomTensor(shape, seeded(21), -8, 8);
    for (const soft of [false, true]) {
      const ctx = context(targets(shape, 22, soft));
      const a = backend.unary('sigmoid', z, 0);
      const withLogits = lossAndGradient(binaryCrossEntropyWithLogitsKind, {}, [z], ctx);
      const onProbabilities = lossAndGradient(binaryCrossEntropyKind, {}, [a], ctx);
      expect(withLogits.loss).toBeCloseTo(onProbabilities.loss, 12);
      // chain rule through the sigmoid: dC/dz = dC/da * a (1 - a) = (a - y) / n
      const chained = backend.mul(onProbabilities.grad, backend.unaryDerivative('sigmoid', z, a, 0));
      for (let i = 0; i < z.size; i++) expect(withLogits.grad.data[i]).toBeCloseTo(chained.data[i], 12);
    }
  });

  it('says where the target does not fit', () => {
    const z = nested([[1, 2]]);
    expect(() => lossAndGradient(binaryCrossEntropyWithLogitsKind, {}, [z], context(nested([[1, 0, 1]])))).toThrow(
      'target has shape [1, 3] but the prediction has shape [1, 2]',
    );
    expect(() => binaryCrossEntropyKind.forward(backend, {}, [z], {}, { training: true })).toThrow('no target data');
  });
});
