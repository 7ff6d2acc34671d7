import { beforeAll, describe, expect, it } from 'vitest';
import { groupNormKind } from '../../../src/core/layers/group-norm';
import { ShapeError } from '../../../src/core/layers/kind';
import { Tensor } from '../../../src/core/tensor/tensor';
import { tfGroupNorm, tfReady } from '../reference/tfjs-normalization';
import { backend, parseConfig, randomParams, randomTensor, seeded } from './helpers';
import { expectNormMatchesReference, reportErrorsAfterAll, seededNodeGradientError } from './multi-input-helpers';

const cases = [
  { shape: [1, 4, 3, 3], groups: 2 },
  { shape: [3, 6, 2, 3], groups: 3 },
  { shape: [2, 4, 5, 1], groups: 1 },
  { shape: [2, 3, 2, 2], groups: 3 },
  { shape: [4, 6], groups: 2 },
  { shape: [1, 5, 7], groups: 5 },
];

reportErrorsAfterAll('group_norm');

describe('group_norm against central differences (float64)', () => {
  cases.forEach(({ shape, groups }, i) => {
    it(`${groups} groups on ${JSON.stringify(shape)}`, () => {
      expect(seededNodeGradientError(groupNormKind, { groups }, shape, 400 + i)).toBeLessThan(1e-5);
    });
  });
});

describe('group_norm semantics', () => {
  it('normalises each sample and group on its own, so a sample gives the same output in any batch', () => {
    const rng = seeded(1);
    const config = parseConfig(groupNormKind, { groups: 2 });
    const x = randomTensor([3, 4, 2, 2], rng, 'float64', -2, 4);
    const params = randomParams(groupNormKind, config, x.shape, rng, 'float64');
    const y = groupNormKind.forward(backend, config, [x], params, { training: true }).output;
    const second = Tensor.fromArray([1, 4, 2, 2], x.data.slice(16, 32), 'float64');
    const alone = groupNormKind.forward(backend, config, [second], params, { training: true }).output;
    expect(Array.from(alone.data)).toEqual(Array.from(y.data.slice(16, 32)));
    // Group 1 of sample 0: channels 2 and 3, values 8 to 15.
    const group = Array.from(x.data.slice(8, 16));
    const mean = group.reduce((a, v) => a + v, 0) / 8;
    const variance = group.reduce((a, v) => a + (v - mean) ** 2, 0) / 8;
    group.forEach((v, i) => {
      const c = 2 + Math.floor(i / 4);
      const expected = ((v - mean) / Math.sqrt(variance + 1e-5)) * params.gamma.data[c] + params.beta.data[c];
      expect(y.data[8 + i]).toBeCloseTo(expected, 12);
    });
  });

  it('rejects a channel count the groups do not divide, in the user numbers', () => {
    const config = parseConfig(groupNormKind, { groups: 4 });
    expect(() => groupNormKind.outputShape(config, [[2, 6, 5, 5]], { batch: 2 })).toThrow(ShapeError);
    expect(() => groupNormKind.outputShape(config, [[2, 6, 5, 5]], { batch: 2 })).toThrow(
      'Group norm splits the 6 channels of [2, 6, 5, 5] into 4 groups, but 6 is not a multiple of 4',
    );
    expect(() => groupNormKind.outputShape(config, [[6]], { batch: 6 })).toThrow(ShapeError);
    expect(() => groupNormKind.configSchema.parse({})).toThrow();
    expect(groupNormKind.describe(config)).toBe('4 groups');
  });
});

describe('group_norm against TensorFlow.js (float32)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  cases.forEach(({ shape, groups }, i) => {
    it(`${groups} groups on ${JSON.stringify(shape)}`, () => {
      expectNormMatchesReference(groupNormKind, { groups }, shape, 500 + i, (x, gamma, beta, r) =>
        tfGroupNorm(x, gamma, beta, r, groups, 1e-5),
      );
    });
  });
});
