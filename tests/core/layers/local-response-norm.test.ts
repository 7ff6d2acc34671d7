import { beforeAll, describe, expect, it } from 'vitest';
import { ShapeError } from '../../../src/core/layers/kind';
import { localResponseNormKind } from '../../../src/core/layers/local-response-norm';
import type { Tensor } from '../../../src/core/tensor/tensor';
import { tfLocalResponseNorm, tfReady } from '../reference/tfjs-normalization';
import { backend, expectCloseToReference, parseConfig, randomTensor, seeded } from './helpers';
import { expectNodeGradients, reportErrorsAfterAll, runNode } from './multi-input-helpers';

interface LrnSettings {
  size: number;
  k: number;
  alpha: number;
  beta: number;
}

const cases: { shape: number[]; config: Partial<LrnSettings> }[] = [
  { shape: [1, 7, 3, 3], config: {} },
  { shape: [2, 6, 2, 3], config: { size: 3, k: 1, alpha: 0.5, beta: 0.75 } },
  { shape: [3, 5, 1, 2], config: { size: 4, k: 1.5, alpha: 0.3, beta: 0.5 } },
  { shape: [2, 3, 3, 2], config: { size: 1, k: 0.5, alpha: 1, beta: 1 } },
  { shape: [1, 9, 2, 2], config: { size: 9, k: 2, alpha: 0.2, beta: 0.75 } },
  { shape: [4, 5], config: { size: 3, k: 1, alpha: 0.5, beta: 0.6 } },
];

reportErrorsAfterAll('local_response_norm');

/** CONCEPTS.md: b_i = a_i / (k + alpha sum_{j=max(0,i-n/2)}^{min(N-1,i+n/2)} a_j^2)^beta across channels. */
function byFormula(x: Tensor, { size, k, alpha, beta }: LrnSettings): number[] {
  const [batch, channels] = x.shape;
  const inner = x.size / (batch * channels);
  const at = (n: number, c: number, p: number) => x.data[(n * channels + c) * inner + p];
  const out: number[] = [];
  for (let n = 0; n < batch; n++) {
    for (let i = 0; i < channels; i++) {
      for (let p = 0; p < inner; p++) {
        let sum = 0;
        for (
          let j = Math.max(0, i - Math.floor(size / 2));
          j <= Math.min(channels - 1, i + Math.floor(size / 2));
          j++
        ) {
          sum += at(n, j, p) ** 2;
        }
        out.push(at(n, i, p) / (k + alpha * sum) ** beta);
      }
    }
  }
  return out;
}

describe('local_response_norm against the CONCEPTS.md formula', () => {
  cases.forEach(({ shape, config: raw }, i) => {
    it(`${JSON.stringify(raw)} on ${JSON.stringify(shape)}`, () => {
      const config = parseConfig(localResponseNormKind, raw) as LrnSettings;
      const x = randomTensor(shape, seeded(600 + i), 'float64', -3, 3);
      const y = localResponseNormKind.forward(backend, config, [x], {}, { training: true }).output;
      const expected = byFormula(x, config);
      expected.forEach((v, j) => {
        expect(y.data[j]).toBeCloseTo(v, 12);
      });
    });
  });

  it("uses AlexNet's defaults k = 2, n = 5, alpha = 1e-4, beta = 0.75", () => {
    expect(parseConfig(localResponseNormKind, {})).toEqual({ size: 5, k: 2, alpha: 1e-4, beta: 0.75 });
    const formula = localResponseNormKind.formula(parseConfig(localResponseNormKind, {}) as LrnSettings);
    expect(formula.forward).toContain('\\min(C-1,c+2)');
    expect(formula.forward).toContain('D_c = 2 + 0.0001 \\sum');
    expect(localResponseNormKind.describe(parseConfig(localResponseNormKind, {}))).toBe('n = 5');
  });

  it('rejects a rank-1 input', () => {
    const config = parseConfig(localResponseNormKind, {});
    expect(() => localResponseNormKind.outputShape(config, [[5]], { batch: 5 })).toThrow(ShapeError);
  });
});

describe('local_response_norm against central differences (float64)', () => {
  cases.forEach(({ shape, config: raw }, i) => {
    it(`${JSON.stringify(raw)} on ${JSON.stringify(shape)}`, () => {
      const config = parseConfig(localResponseNormKind, raw);
      const x = randomTensor(shape, seeded(700 + i), 'float64', -2, 2);
      expect(expectNodeGradients(localResponseNormKind, config, [x], {}, { training: true })).toBeLessThan(1e-5);
    });
  });
});

describe('local_response_norm against TensorFlow.js (float32, depthRadius = n / 2 on NHWC)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  cases.forEach(({ shape, config: raw }, i) => {
    it(`${JSON.stringify(raw)} on ${JSON.stringify(shape)}`, () => {
      const rng = seeded(800 + i);
      const config = parseConfig(localResponseNormKind, raw) as LrnSettings;
      const x = randomTensor(shape, rng, 'float32', -2, 2);
      const r = randomTensor(shape, rng, 'float32');
      const ours = runNode(localResponseNormKind, config, [x], {}, r, { training: true });
      const ref = tfLocalResponseNorm(x, r, {
        depthRadius: Math.floor(config.size / 2),
        bias: config.k,
        alpha: config.alpha,
        beta: config.beta,
      });
      expectCloseToReference('y', ours.y, ref.y);
      expectCloseToReference('dx', ours.dInputs[0], ref.grads[0]);
    });
  });
});
