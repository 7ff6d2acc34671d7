import { beforeAll, describe, expect, it } from 'vitest';
import { concatKind } from '../../../src/core/layers/concat';
import { ShapeError } from '../../../src/core/layers/kind';
import { Tensor } from '../../../src/core/tensor/tensor';
import { tfConcat, tfReady } from '../reference/tfjs-normalization';
import { expectCloseToReference, parseConfig, randomTensor, seeded } from './helpers';
import { expectNodeGradients, reportErrorsAfterAll, runNode } from './multi-input-helpers';

const cases = [
  {
    shapes: [
      [1, 2],
      [1, 3],
    ],
  },
  {
    shapes: [
      [3, 1],
      [3, 4],
      [3, 2],
    ],
  },
  {
    shapes: [
      [2, 3, 2, 3],
      [2, 1, 2, 3],
    ],
  },
  {
    shapes: [
      [1, 2, 5],
      [1, 3, 5],
      [1, 1, 5],
    ],
  },
];

reportErrorsAfterAll('concat');

describe('concat against central differences (float64)', () => {
  cases.forEach(({ shapes }, i) => {
    it(`${JSON.stringify(shapes)}`, () => {
      const rng = seeded(1200 + i);
      const xs = shapes.map((s) => randomTensor(s, rng));
      expect(expectNodeGradients(concatKind, {}, xs, {}, { training: true })).toBeLessThan(1e-6);
    });
  });
});

describe('concat semantics', () => {
  it('joins along the channel axis, sample by sample, and splits the gradient back', () => {
    const a = Tensor.fromNested([
      [1, 2],
      [3, 4],
    ]);
    const b = Tensor.fromNested([[5], [6]]);
    const r = Tensor.fromNested([
      [0.1, 0.2, 0.3],
      [0.4, 0.5, 0.6],
    ]);
    const { y, dInputs } = runNode(concatKind, {}, [a, b], {}, r, { training: true });
    expect(y.toNested()).toEqual([
      [1, 2, 5],
      [3, 4, 6],
    ]);
    expect(dInputs.map((d) => d.toNested())).toEqual([
      [[0.1, 0.2].map(Math.fround), [0.4, 0.5].map(Math.fround)],
      [[0.3].map(Math.fround), [0.6].map(Math.fround)],
    ]);
  });

  it('needs every other axis to match, and says which does not', () => {
    const config = parseConfig(concatKind, {});
    expect(
      concatKind.outputShape(
        config,
        [
          [2, 3, 4, 4],
          [2, 5, 4, 4],
        ],
        { batch: 2 },
      ),
    ).toEqual([2, 8, 4, 4]);
    expect(() =>
      concatKind.outputShape(
        config,
        [
          [2, 3, 4, 4],
          [2, 2, 5, 4],
        ],
        { batch: 2 },
      ),
    ).toThrow(ShapeError);
    expect(() =>
      concatKind.outputShape(
        config,
        [
          [2, 3, 4, 4],
          [2, 2, 5, 4],
        ],
        { batch: 2 },
      ),
    ).toThrow(
      'Concat joins along axis 1, so every other axis must match, ' +
        'but input 1 is [2, 3, 4, 4] and input 2 is [2, 2, 5, 4] (axis 2: 4 vs 5)',
    );
    expect(() =>
      concatKind.outputShape(
        config,
        [
          [2, 3],
          [2, 3, 1],
        ],
        { batch: 2 },
      ),
    ).toThrow('ranks differ');
    expect(() => concatKind.outputShape(config, [[2], [2]], { batch: 2 })).toThrow(ShapeError);
  });
});

describe('concat against TensorFlow.js (float32)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  cases.forEach(({ shapes }, i) => {
    it(`${JSON.stringify(shapes)}`, () => {
      const rng = seeded(1300 + i);
      const xs = shapes.map((s) => randomTensor(s, rng, 'float32'));
      const out = concatKind.outputShape({}, shapes, { batch: shapes[0][0] });
      const r = randomTensor(out, rng, 'float32');
      const ours = runNode(concatKind, {}, xs, {}, r, { training: true });
      const ref = tfConcat(xs, r);
      expectCloseToReference('y', ours.y, ref.y);
      ours.dInputs.forEach((d, k) => {
        expectCloseToReference(`dx${k}`, d, ref.grads[k]);
      });
    });
  });
});
