import { beforeAll, describe, expect, it } from 'vitest';
import { addKind } from '../../../src/core/layers/add';
import { ShapeError } from '../../../src/core/layers/kind';
import { tfAdd, tfReady } from '../reference/tfjs-normalization';
import { expectCloseToReference, parseConfig, randomTensor, seeded } from './helpers';
import { expectNodeGradients, reportErrorsAfterAll, runNode } from './multi-input-helpers';

const cases = [
  { shape: [1, 3], inputs: 2 },
  { shape: [4, 5], inputs: 3 },
  { shape: [2, 3, 3, 2], inputs: 2 },
  { shape: [3, 2, 5], inputs: 4 },
];

reportErrorsAfterAll('add');

describe('add against central differences (float64)', () => {
  cases.forEach(({ shape, inputs }, i) => {
    it(`${inputs} inputs of ${JSON.stringify(shape)}`, () => {
      const rng = seeded(1000 + i);
      const xs = Array.from({ length: inputs }, () => randomTensor(shape, rng));
      expect(expectNodeGradients(addKind, {}, xs, {}, { training: true })).toBeLessThan(1e-6);
    });
  });
});

describe('add semantics', () => {
  it('adds element-wise and hands the upstream gradient to every input', () => {
    const rng = seeded(1);
    const xs = [randomTensor([2, 3], rng), randomTensor([2, 3], rng), randomTensor([2, 3], rng)];
    const r = randomTensor([2, 3], rng);
    const { y, dInputs } = runNode(addKind, {}, xs, {}, r, { training: true });
    for (let i = 0; i < 6; i++) expect(y.data[i]).toBeCloseTo(xs[0].data[i] + xs[1].data[i] + xs[2].data[i], 14);
    expect(dInputs).toHaveLength(3);
    for (const d of dInputs) expect(d).toEqual(r);
  });

  it('needs inputs of one shape, and says which differs', () => {
    const config = parseConfig(addKind, {});
    expect(() =>
      addKind.outputShape(
        config,
        [
          [4, 8],
          [4, 8],
          [4, 6],
        ],
        { batch: 4 },
      ),
    ).toThrow(ShapeError);
    expect(() =>
      addKind.outputShape(
        config,
        [
          [4, 8],
          [4, 8],
          [4, 6],
        ],
        { batch: 4 },
      ),
    ).toThrow('Add needs inputs of one shape, but input 1 is [4, 8] and input 3 is [4, 6]');
    expect(addKind.arity.min).toBe(2);
  });
});

describe('add against TensorFlow.js (float32)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  cases.forEach(({ shape, inputs }, i) => {
    it(`${inputs} inputs of ${JSON.stringify(shape)}`, () => {
      const rng = seeded(1100 + i);
      const xs = Array.from({ length: inputs }, () => randomTensor(shape, rng, 'float32'));
      const r = randomTensor(shape, rng, 'float32');
      const ours = runNode(addKind, {}, xs, {}, r, { training: true });
      const ref = tfAdd(xs, r);
      expectCloseToReference('y', ours.y, ref.y);
      ours.dInputs.forEach((d, k) => {
        expectCloseToReference(`dx${k}`, d, ref.grads[k]);
      });
    });
  });
});
