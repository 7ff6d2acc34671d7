import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalAvgPoolKind } from '../../../src/core/layers/global-avg-pool';
import { Tensor } from '../../../src/core/tensor/tensor';
import { tfGlobalAvgPool, tfReady } from '../reference/tfjs';
import {
  expectCloseToReference,
  expectGradientsMatch,
  forwardBackward,
  randomTensor,
  reportWorst,
  seeded,
} from './helpers';

const inputs = [
  [1, 1, 3, 3],
  [2, 3, 5, 4],
  [4, 6, 1, 7],
];

afterAll(() => reportWorst('global_avg_pool'));

describe('global_avg_pool', () => {
  beforeAll(async () => {
    await tfReady();
  });

  inputs.forEach((shape, i) => {
    it(`matches central differences (float64) on [${shape}]`, () => {
      expect(globalAvgPoolKind.outputShape({}, [shape], { batch: shape[0] })).toEqual(shape.slice(0, 2));
      expect(expectGradientsMatch(globalAvgPoolKind, {}, randomTensor(shape, seeded(40 + i)), {})).toBeLessThan(1e-5);
    });

    it(`matches TensorFlow.js (float32) on [${shape}]`, () => {
      const rng = seeded(400 + i);
      const x = randomTensor(shape, rng, 'float32');
      const r = randomTensor(shape.slice(0, 2), rng, 'float32');
      const ours = forwardBackward(globalAvgPoolKind, {}, x, {}, r);
      const ref = tfGlobalAvgPool(x, r);
      expectCloseToReference('y', ours.y, ref.y);
      expectCloseToReference('dx', ours.dx, ref.dx);
    });
  });

  it('gives one mean per channel and spreads the gradient evenly', () => {
    const x = Tensor.fromNested(
      [
        [
          [
            [1, 2],
            [3, 6],
          ],
          [
            [0, 0],
            [0, -8],
          ],
        ],
      ],
      'float64',
    );
    const ours = forwardBackward(globalAvgPoolKind, {}, x, {}, Tensor.fromNested([[4, 8]], 'float64'));
    expect(ours.y.toNested()).toEqual([[3, -2]]);
    expect(ours.dx.toNested()).toEqual([
      [
        [
          [1, 1],
          [1, 1],
        ],
        [
          [2, 2],
          [2, 2],
        ],
      ],
    ]);
  });

  it('needs a rank-4 input', () => {
    expect(() => globalAvgPoolKind.outputShape({}, [[2, 10]], { batch: 2 })).toThrow(
      /Global average pooling expects a rank-4 input \[batch, channels, height, width\], got \[2, 10\]/,
    );
  });
});
