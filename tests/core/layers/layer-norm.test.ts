import { beforeAll, describe, expect, it } from 'vitest';
import { ShapeError } from '../../../src/core/layers/kind';
import { layerNormKind } from '../../../src/core/layers/layer-norm';
import type { Shape } from '../../../src/core/tensor/shape';
import { tfLayerNorm, tfReady } from '../reference/tfjs-normalization';
import { backend, parseConfig, randomTensor, seeded } from './helpers';
import { expectNormMatchesReference, reportErrorsAfterAll, seededNodeGradientError } from './multi-input-helpers';

const shapes: Shape[] = [
  [1, 5],
  [4, 3],
  [3, 7],
  [1, 2, 3, 3],
  [2, 3, 2, 5],
  [2, 4, 3],
];

reportErrorsAfterAll('layer_norm');

describe('layer_norm against central differences (float64)', () => {
  shapes.forEach((shape, i) => {
    it(`on ${JSON.stringify(shape)}`, () => {
      expect(seededNodeGradientError(layerNormKind, {}, shape, 200 + i)).toBeLessThan(1e-5);
    });
  });
});

describe('layer_norm semantics', () => {
  it('normalises each sample over all its values, whatever else is in the batch', () => {
    const rng = seeded(1);
    const x = randomTensor([3, 2, 2], rng, 'float64', -3, 5);
    const config = parseConfig(layerNormKind, {});
    const params = { gamma: randomTensor([2, 2], rng), beta: randomTensor([2, 2], rng) };
    const y = layerNormKind.forward(backend, config, [x], params, { training: true }).output;
    for (let n = 0; n < 3; n++) {
      const values = Array.from(x.data.slice(n * 4, n * 4 + 4));
      const mean = values.reduce((a, v) => a + v, 0) / 4;
      const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / 4;
      values.forEach((v, i) => {
        const expected = ((v - mean) / Math.sqrt(variance + 1e-5)) * params.gamma.data[i] + params.beta.data[i];
        expect(y.data[n * 4 + i]).toBeCloseTo(expected, 12);
      });
    }
    const evaluation = layerNormKind.forward(backend, config, [x], params, { training: false }).output;
    expect(evaluation).toEqual(y);
  });

  it('has gamma and beta of the sample shape (PyTorch normalized_shape = every non-batch axis)', () => {
    expect(layerNormKind.paramSpecs(parseConfig(layerNormKind, {}), [[8, 3, 4, 4]])).toEqual({
      gamma: { shape: [3, 4, 4], init: 'ones' },
      beta: { shape: [3, 4, 4], init: 'zeros' },
    });
  });

  it('rejects a rank-1 input', () => {
    expect(() => layerNormKind.outputShape(parseConfig(layerNormKind, {}), [[6]], { batch: 6 })).toThrow(ShapeError);
    expect(() => layerNormKind.outputShape(parseConfig(layerNormKind, {}), [[6]], { batch: 6 })).toThrow('got [6]');
  });
});

describe('layer_norm against TensorFlow.js (float32)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  shapes.forEach((shape, i) => {
    it(`on ${JSON.stringify(shape)}`, () => {
      expectNormMatchesReference(layerNormKind, {}, shape, 300 + i, (x, gamma, beta, r) =>
        tfLayerNorm(x, gamma, beta, r, 1e-5),
      );
    });
  });
});
