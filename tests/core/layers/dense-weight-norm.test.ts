import { beforeAll, describe, expect, it } from 'vitest';
import { denseKind } from '../../../src/core/layers/dense';
import { tfReady, tfWeightNormDense } from '../reference/tfjs-normalization';
import { backend, expectCloseToReference, parseConfig, randomParams, randomTensor, seeded } from './helpers';
import { reportErrorsAfterAll, runNode, seededNodeGradientError } from './multi-input-helpers';

const cases = [
  { input: [1, 3], units: 2, bias: true },
  { input: [4, 5], units: 3, bias: true },
  { input: [3, 1], units: 4, bias: false },
  { input: [2, 7], units: 1, bias: true },
];

reportErrorsAfterAll('dense weightNorm');

describe('dense with weightNorm against central differences (float64)', () => {
  cases.forEach(({ input, units, bias }, i) => {
    it(`${units} units on ${JSON.stringify(input)}${bias ? '' : ', no bias'}`, () => {
      const error = seededNodeGradientError(denseKind, { units, bias, weightNorm: true }, input, 1400 + i);
      expect(error).toBeLessThan(1e-5);
    });
  });
});

describe('dense with weightNorm', () => {
  it('learns g [units] and v [inputs, units] instead of W', () => {
    const specs = denseKind.paramSpecs(parseConfig(denseKind, { units: 3, weightNorm: true }), [[2, 5]]);
    expect(specs).toEqual({
      g: { shape: [3], init: 'ones' },
      v: { shape: [5, 3], init: 'glorot_uniform' },
      b: { shape: [3], init: 'zeros' },
    });
    expect(denseKind.describe(parseConfig(denseKind, { units: 3, weightNorm: true }))).toBe('3 units, weight norm');
    expect(parseConfig(denseKind, { units: 3 })).toEqual({ units: 3, bias: true, weightNorm: false });
  });

  it('computes a plain dense layer with W = g * v / ||v|| per unit (column)', () => {
    const rng = seeded(1);
    const normed = parseConfig(denseKind, { units: 3, weightNorm: true });
    const params = randomParams(denseKind, normed, [4, 5], rng, 'float64');
    const x = randomTensor([4, 5], rng);
    const W = params.v.clone();
    for (let j = 0; j < 3; j++) {
      let norm = 0;
      for (let i = 0; i < 5; i++) norm += params.v.data[i * 3 + j] ** 2;
      for (let i = 0; i < 5; i++) W.data[i * 3 + j] = (params.g.data[j] * params.v.data[i * 3 + j]) / Math.sqrt(norm);
    }
    const ours = denseKind.forward(backend, normed, [x], params, { training: true }).output;
    const plain = denseKind.forward(
      backend,
      parseConfig(denseKind, { units: 3 }),
      [x],
      { W, b: params.b },
      { training: true },
    );
    ours.data.forEach((v, i) => {
      expect(v).toBeCloseTo(plain.output.data[i], 12);
    });
  });

  it('writes both parts of its formula', () => {
    const formula = denseKind.formula(parseConfig(denseKind, { units: 3, weightNorm: true }));
    expect(formula.forward).toContain('\\lVert v_{\\cdot j} \\rVert');
    expect(formula.backward).toContain('\\frac{\\partial E}{\\partial g_j}');
  });
});

describe('dense with weightNorm against TensorFlow.js (float32)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  cases
    .filter((c) => c.bias)
    .forEach(({ input, units }, i) => {
      it(`${units} units on ${JSON.stringify(input)}`, () => {
        const rng = seeded(1500 + i);
        const config = parseConfig(denseKind, { units, weightNorm: true });
        const params = randomParams(denseKind, config, input, rng, 'float32');
        const x = randomTensor(input, rng, 'float32');
        const r = randomTensor([input[0], units], rng, 'float32');
        const ours = runNode(denseKind, config, [x], params, r, { training: true });
        const ref = tfWeightNormDense(x, params.v, params.g, params.b, r);
        expectCloseToReference('y', ours.y, ref.y);
        expectCloseToReference('dx', ours.dInputs[0], ref.grads[0]);
        expectCloseToReference('dv', ours.dParams.v, ref.grads[1]);
        expectCloseToReference('dg', ours.dParams.g, ref.grads[2]);
        expectCloseToReference('db', ours.dParams.b, ref.grads[3]);
      });
    });
});
