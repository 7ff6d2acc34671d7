import { describe, expect, it } from 'vitest';
import { type CenterLossConfig, centerDelta, centerLossKind } from '../../../src/core/losses/center-loss';
import { Tensor } from '../../../src/core/tensor/tensor';
import {
  backend,
  context,
  expectGradientsMatch,
  lossAndGradient,
  nested,
  oneHotRows,
  randomLabels,
  randomTensor,
  seeded,
} from './helpers';

function config(overrides: Partial<CenterLossConfig> = {}): CenterLossConfig {
  return centerLossKind.configSchema.parse({ classes: 3, labels: 'index', ...overrides });
}

// Three samples, classes 0, 0, 1; class 2 has none in this batch.
const features = () =>
  nested([
    [1, 2],
    [3, 4],
    [5, 6],
  ]);
const centers = () =>
  nested([
    [0, 0],
    [1, 1],
    [7, 7],
  ]);
const labels = () => nested([0, 0, 1]);

describe('center_loss', () => {
  it('has defaults lambda 0.01, alpha 0.5, one-hot labels, and zero-initialised centres the optimizer skips', () => {
    expect(centerLossKind.configSchema.parse({ classes: 4 })).toEqual({
      classes: 4,
      lambda: 0.01,
      alpha: 0.5,
      labels: 'one_hot',
    });
    expect(centerLossKind.configSchema.safeParse({}).success).toBe(false);
    expect(centerLossKind.paramSpecs(config(), [[5, 2]])).toEqual({
      centers: { shape: [3, 2], init: 'zeros', trainable: false },
    });
    expect(centerLossKind.targetShapes?.(config(), [5, 2])).toEqual([[5], [5, 1]]);
    expect(centerLossKind.targetShapes?.(config({ labels: 'one_hot' }), [5, 2])).toEqual([[5, 3]]);
  });

  it('outputs lambda L_C with L_C = 1/2 sum_i ||x_i - c_{y_i}||^2 (summed over the batch); dE/dx_i = lambda (x_i - c_{y_i})', () => {
    const { loss, grad, dParams } = lossAndGradient(
      centerLossKind,
      config({ lambda: 0.1 }),
      [features()],
      context(labels()),
      {
        centers: centers(),
      },
    );
    // ||(1,2)||^2 + ||(3,4)||^2 + ||(4,5)||^2 = 5 + 25 + 41
    expect(loss).toBeCloseTo(0.1 * 0.5 * 71, 14);
    expect(Array.from(grad.data)).toEqual([0.1, 0.2, 0.30000000000000004, 0.4, 0.4, 0.5]);
    // dE/dc_j = -lambda sum_{i in j} (x_i - c_j): reported for inspection, never applied
    const dCenters = Array.from(dParams.centers.data);
    [-0.4, -0.6, -0.4, -0.5, 0, 0].forEach((v, i) => {
      expect(dCenters[i]).toBeCloseTo(v, 14);
    });
  });

  for (const batch of [1, 6]) {
    for (const labelForm of ['index [N]', 'index [N, 1]', 'one-hot [N, K]'] as const) {
      it(`matches central differences in features and centres, batch ${batch}, ${labelForm} labels`, () => {
        const x = randomTensor([batch, 4], seeded(batch), -2, 2);
        const c = randomTensor([3, 4], seeded(batch + 1), -1, 1);
        const classes = randomLabels(batch, 3, seeded(batch + 2));
        const target =
          labelForm === 'one-hot [N, K]'
            ? oneHotRows(classes, 3)
            : Tensor.fromArray(labelForm === 'index [N]' ? [batch] : [batch, 1], classes, 'float64');
        const cfg = config({ lambda: 0.3, labels: labelForm === 'one-hot [N, K]' ? 'one_hot' : 'index' });
        expect(expectGradientsMatch(centerLossKind, cfg, [x], context(target), { centers: c })).toBeLessThan(1e-6);
      });
    }
  }

  it('updates the centres by Delta c_j = sum_i [y_i = j](c_j - x_i) / (1 + n_j), c_j <- c_j - alpha Delta c_j', () => {
    const y = oneHotRows([0, 0, 1], 3);
    const delta = centerDelta(backend, features(), y, centers());
    // class 0: ((0,0)-(1,2) + (0,0)-(3,4)) / 3; class 1: ((1,1)-(5,6)) / 2; class 2: no samples, no move
    const expectedDelta = [-4 / 3, -2, -2, -2.5, 0, 0];
    expectedDelta.forEach((v, i) => {
      expect(delta.data[i]).toBeCloseTo(v, 14);
    });
    const params = { centers: centers() };
    centerLossKind.afterOptimizerStep?.(backend, {
      config: config({ alpha: 0.5 }),
      inputs: [features()],
      params,
      ctx: context(labels()),
    });
    const expected = [2 / 3, 1, 2, 2.25, 7, 7];
    expected.forEach((v, i) => {
      expect(params.centers.data[i]).toBeCloseTo(v, 14);
    });
  });

  it('refuses soft or empty rows as labels, and out-of-range indices', () => {
    const c = { centers: centers() };
    const soft = nested([
      [0.5, 0.5, 0],
      [1, 0, 0],
      [0, 1, 0],
    ]);
    expect(() =>
      lossAndGradient(centerLossKind, config({ labels: 'one_hot' }), [features()], context(soft), c),
    ).toThrow('target row of sample 0 is not one-hot: Center loss needs a single 1 among zeros per sample');
    expect(() => lossAndGradient(centerLossKind, config(), [features()], context(nested([0, 3, 1])), c)).toThrow(
      'target label 3 of sample 1 is not a class index: labels are integers from 0 to 2',
    );
  });
});
