import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { avgPool2dKind } from '../../../src/core/layers/avg-pool2d';
import { Tensor } from '../../../src/core/tensor/tensor';
import { tfAvgPool, tfReady } from '../reference/tfjs';
import {
  expectCloseToReference,
  expectGradientsMatch,
  forwardBackward,
  parseConfig,
  randomTensor,
  reportWorst,
  seeded,
} from './helpers';
import { poolCases } from './pool-cases';

afterAll(() => reportWorst('avg_pool2d'));

describe('avg_pool2d against central differences (float64)', () => {
  poolCases.forEach((c, i) => {
    it(`${c.label}: ${JSON.stringify(c.config)} on [${c.input}]`, () => {
      const config = parseConfig(avgPool2dKind, c.config);
      expect(avgPool2dKind.outputShape(config, [c.input], { batch: c.input[0] })).toEqual(c.output);
      const x = randomTensor(c.input, seeded(30 + i));
      expect(expectGradientsMatch(avgPool2dKind, config, x, {})).toBeLessThan(1e-5);
    });
  });
});

describe('avg_pool2d against TensorFlow.js (float32, input zero-padded: padding counts in the mean)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  poolCases.forEach((c, i) => {
    it(c.label, () => {
      const rng = seeded(300 + i);
      const config = parseConfig(avgPool2dKind, c.config);
      const x = randomTensor(c.input, rng, 'float32');
      const r = randomTensor(c.output, rng, 'float32');
      const ours = forwardBackward(avgPool2dKind, config, x, {}, r);
      const ref = tfAvgPool(x, r, { window: c.config.window, stride: c.config.stride, padding: config.padding });
      expectCloseToReference('y', ours.y, ref.y);
      expectCloseToReference('dx', ours.dx, ref.dx);
    });
  });
});

describe('avg_pool2d by hand', () => {
  it('divides by the full window, padding included (count_include_pad)', () => {
    const config = parseConfig(avgPool2dKind, { window: 2, padding: 1 });
    const x = Tensor.fromNested([[[[4, 8]]]], 'float64');
    const dy = Tensor.fromNested([[[[4, 8]]]], 'float64');
    const ours = forwardBackward(avgPool2dKind, config, x, {}, dy);
    // Windows over the padded row [0 4 | 8 0] with a zero row above: (0 + 0 + 0 + 4) / 4 and (0 + 0 + 8 + 0) / 4.
    expect(ours.y.toNested()).toEqual([[[[1, 2]]]]);
    expect(ours.dx.toNested()).toEqual([[[[1, 2]]]]);
  });

  it('says which divisor it uses in its formula', () => {
    const formula = avgPool2dKind.formula(parseConfig(avgPool2dKind, { window: [2, 3] }));
    expect(formula.forward).toContain('\\frac{1}{6}');
    expect(formula.forward).toContain('padding counts as 0');
  });
});
