import { afterAll, describe, expect, it } from 'vitest';
import { ShapeError } from '../../../src/core/layers/kind';
import { reshapeKind } from '../../../src/core/layers/reshape';
import { expectGradientsMatch, parseConfig, randomTensor, reportWorst, seeded } from './helpers';

afterAll(() => reportWorst('reshape'));

const shapeOf = (target: number[], input: number[]) =>
  reshapeKind.outputShape(parseConfig(reshapeKind, { shape: target }), [input], { batch: input[0] });

describe('reshape', () => {
  it('gives each sample the target shape, with one -1 taking what is left', () => {
    expect(shapeOf([1, 28, 28], [5, 784])).toEqual([5, 1, 28, 28]);
    expect(shapeOf([-1, 4], [2, 2, 3, 2])).toEqual([2, 3, 4]);
    expect(shapeOf([-1], [3, 16, 5, 5])).toEqual([3, 400]);
  });

  it('matches central differences', () => {
    const config = parseConfig(reshapeKind, { shape: [3, -1] });
    expect(expectGradientsMatch(reshapeKind, config, randomTensor([2, 4, 3], seeded(7)), {})).toBeLessThan(1e-5);
  });

  it('rejects sizes that differ, in the user numbers', () => {
    expect(() => shapeOf([20, 21], [1, 16, 5, 5])).toThrow(ShapeError);
    expect(() => shapeOf([20, 21], [1, 16, 5, 5])).toThrow(
      'Reshape: a sample of shape [16, 5, 5] has 400 values but [20, 21] holds 420',
    );
    expect(() => shapeOf([-1, 7], [1, 400])).toThrow('400 / 7 is not a whole number');
    expect(() => shapeOf([-1, -1], [1, 400])).toThrow('only one entry of [-1, -1] may be -1');
  });

  it('accepts only positive sizes or -1 in its config', () => {
    expect(reshapeKind.configSchema.safeParse({ shape: [0, 4] }).success).toBe(false);
    expect(reshapeKind.configSchema.safeParse({ shape: [-2] }).success).toBe(false);
    expect(reshapeKind.configSchema.safeParse({ shape: [-1, 4] }).success).toBe(true);
  });
});
