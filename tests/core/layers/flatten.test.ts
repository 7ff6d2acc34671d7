import { afterAll, describe, expect, it } from 'vitest';
import { flattenKind } from '../../../src/core/layers/flatten';
import { ShapeError } from '../../../src/core/layers/kind';
import { Tensor } from '../../../src/core/tensor/tensor';
import { expectGradientsMatch, forwardBackward, randomTensor, reportWorst, seeded } from './helpers';

afterAll(() => reportWorst('flatten'));

describe('flatten', () => {
  it('flattens NCHW channel by channel, as PyTorch does', () => {
    const x = Tensor.fromNested(
      [
        [
          [
            [1, 2],
            [3, 4],
          ],
          [
            [5, 6],
            [7, 8],
          ],
        ],
      ],
      'float64',
    );
    const dy = Tensor.fromNested([[10, 20, 30, 40, 50, 60, 70, 80]], 'float64');
    const ours = forwardBackward(flattenKind, {}, x, {}, dy);
    expect(ours.y.toNested()).toEqual([[1, 2, 3, 4, 5, 6, 7, 8]]);
    expect(ours.dx.shape).toEqual([1, 2, 2, 2]);
    expect(Array.from(ours.dx.data)).toEqual([10, 20, 30, 40, 50, 60, 70, 80]);
  });

  for (const shape of [
    [1, 3, 5, 5],
    [3, 16, 2, 3],
    [2, 7],
    [2, 3, 5],
  ]) {
    it(`matches central differences on [${shape}]`, () => {
      const expected = [shape[0], shape.slice(1).reduce((a, b) => a * b, 1)];
      expect(flattenKind.outputShape({}, [shape], { batch: shape[0] })).toEqual(expected);
      expect(expectGradientsMatch(flattenKind, {}, randomTensor(shape, seeded(shape.length)), {})).toBeLessThan(1e-5);
    });
  }

  it('needs a batch axis and something after it', () => {
    expect(() => flattenKind.outputShape({}, [[4]], { batch: 4 })).toThrow(ShapeError);
  });
});
