import { beforeAll, describe, expect, it } from 'vitest';
import { Network } from '../../../src/core/graph/network';
import { checkModelGradients } from '../../../src/core/inspect/gradcheck';
import { type BatchNormConfig, batchNormKind, updateRunningStatistics } from '../../../src/core/layers/batch-norm';
import { ShapeError } from '../../../src/core/layers/kind';
import type { Shape } from '../../../src/core/tensor/shape';
import { Tensor } from '../../../src/core/tensor/tensor';
import { sgd } from '../../../src/core/train/sgd';
import { trainOnBatch } from '../../../src/core/train/trainer';
import { tfBatchNorm, tfReady } from '../reference/tfjs-normalization';
import { backend, expectCloseToReference, parseConfig, randomTensor, seeded } from './helpers';
import { expectNodeGradients, reportErrorsAfterAll, runNode } from './multi-input-helpers';

const training = { training: true };
const evaluation = { training: false };
const shapes: Shape[] = [
  [1, 3],
  [5, 4],
  [2, 7],
  [1, 2, 3, 3],
  [3, 3, 2, 5],
  [2, 1, 4, 1],
  [4, 2, 3],
];

reportErrorsAfterAll('batch_norm');

function paramsFor(c: number, rng: ReturnType<typeof seeded>, dtype: 'float32' | 'float64' = 'float64') {
  return {
    gamma: randomTensor([c], rng, dtype, 0.5, 1.5),
    beta: randomTensor([c], rng, dtype),
    running_mean: randomTensor([c], rng, dtype),
    running_var: randomTensor([c], rng, dtype, 0.5, 2),
  };
}

/** Mean and biased variance of channel c by plain loops over batch and positions. */
function channelStats(x: Tensor, c: number): { mean: number; variance: number; count: number } {
  const [n, channels] = x.shape;
  const inner = x.size / (n * channels);
  const values: number[] = [];
  for (let s = 0; s < n; s++) for (let i = 0; i < inner; i++) values.push(x.data[(s * channels + c) * inner + i]);
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, variance, count: values.length };
}

function channelOf(x: Tensor, index: number): number {
  const inner = x.size / (x.shape[0] * x.shape[1]);
  return Math.floor(index / inner) % x.shape[1];
}

describe('batch_norm against central differences (float64)', () => {
  shapes.forEach((shape, i) => {
    it(`training on ${JSON.stringify(shape)}`, () => {
      const rng = seeded(20 + i);
      const config = parseConfig(batchNormKind, {});
      expect(
        expectNodeGradients(batchNormKind, config, [randomTensor(shape, rng)], paramsFor(shape[1], rng), training),
      ).toBeLessThan(1e-5);
    });
    it(`evaluation on ${JSON.stringify(shape)}`, () => {
      const rng = seeded(40 + i);
      const config = parseConfig(batchNormKind, { epsilon: 1e-3 });
      expect(
        expectNodeGradients(batchNormKind, config, [randomTensor(shape, rng)], paramsFor(shape[1], rng), evaluation),
      ).toBeLessThan(1e-5);
    });
  });
});

describe('batch_norm semantics', () => {
  it('training normalises with the batch mean and biased variance, per channel over batch and space', () => {
    const rng = seeded(1);
    const x = randomTensor([3, 2, 2, 3], rng, 'float64', -2, 3);
    const params = paramsFor(2, rng);
    const config = parseConfig(batchNormKind, {}) as BatchNormConfig;
    const y = batchNormKind.forward(backend, config, [x], params, training).output;
    for (let i = 0; i < x.size; i++) {
      const c = channelOf(x, i);
      const { mean, variance } = channelStats(x, c);
      const expected =
        (params.gamma.data[c] * (x.data[i] - mean)) / Math.sqrt(variance + config.epsilon) + params.beta.data[c];
      expect(y.data[i]).toBeCloseTo(expected, 12);
    }
  });

  it('evaluation normalises with the running statistics and ignores the batch', () => {
    const rng = seeded(2);
    const x = randomTensor([4, 3], rng);
    const params = paramsFor(3, rng);
    const y = batchNormKind.forward(backend, parseConfig(batchNormKind, {}), [x], params, evaluation).output;
    for (let i = 0; i < x.size; i++) {
      const c = i % 3;
      const expected =
        (params.gamma.data[c] * (x.data[i] - params.running_mean.data[c])) /
          Math.sqrt(params.running_var.data[c] + 1e-5) +
        params.beta.data[c];
      expect(y.data[i]).toBeCloseTo(expected, 12);
    }
    const single = batchNormKind.forward(
      backend,
      parseConfig(batchNormKind, {}),
      [Tensor.fromArray([1, 3], x.data.slice(0, 3), 'float64')],
      params,
      evaluation,
    );
    expect(Array.from(single.output.data)).toEqual(Array.from(y.data.slice(0, 3)));
  });

  it("moves the running statistics by PyTorch's rule, the variance made unbiased", () => {
    const rng = seeded(3);
    const x = randomTensor([2, 3, 2, 2], rng, 'float64', -1, 2);
    const params = paramsFor(3, rng);
    const before = { mean: params.running_mean.clone(), variance: params.running_var.clone() };
    const config = parseConfig(batchNormKind, { momentum: 0.3 }) as BatchNormConfig;
    batchNormKind.afterOptimizerStep?.(backend, { config, inputs: [x], params, ctx: training });
    for (let c = 0; c < 3; c++) {
      const { mean, variance, count } = channelStats(x, c);
      expect(params.running_mean.data[c]).toBeCloseTo(0.7 * before.mean.data[c] + 0.3 * mean, 12);
      expect(params.running_var.data[c]).toBeCloseTo(
        0.7 * before.variance.data[c] + (0.3 * variance * count) / (count - 1),
        12,
      );
    }
  });

  it('leaves the running statistics alone in forward, backward and evaluation', () => {
    const rng = seeded(4);
    const x = randomTensor([4, 2], rng);
    const params = paramsFor(2, rng);
    const saved = [params.running_mean.clone(), params.running_var.clone()];
    const config = parseConfig(batchNormKind, {});
    runNode(batchNormKind, config, [x], params, randomTensor([4, 2], rng), training);
    expectNodeGradients(batchNormKind, config, [x], params, training);
    batchNormKind.afterOptimizerStep?.(backend, { config, inputs: [x], params, ctx: evaluation });
    expect(params.running_mean).toEqual(saved[0]);
    expect(params.running_var).toEqual(saved[1]);
  });

  it('with one value per channel gives beta, and keeps the running variance (no unbiased estimate)', () => {
    const rng = seeded(5);
    const x = randomTensor([1, 3], rng);
    const params = paramsFor(3, rng);
    const y = batchNormKind.forward(backend, parseConfig(batchNormKind, {}), [x], params, training).output;
    expect(Array.from(y.data)).toEqual(Array.from(params.beta.data));
    const before = { mean: params.running_mean.clone(), variance: params.running_var.clone() };
    updateRunningStatistics(backend, { momentum: 0.1, epsilon: 1e-5 }, x, params);
    expect(params.running_var).toEqual(before.variance);
    for (let c = 0; c < 3; c++) {
      expect(params.running_mean.data[c]).toBeCloseTo(0.9 * before.mean.data[c] + 0.1 * x.data[c], 12);
    }
  });

  it("declares gamma and beta trainable, the running statistics not, with PyTorch's initial values", () => {
    expect(batchNormKind.paramSpecs(parseConfig(batchNormKind, {}), [[8, 6, 5, 5]])).toEqual({
      gamma: { shape: [6], init: 'ones' },
      beta: { shape: [6], init: 'zeros' },
      running_mean: { shape: [6], init: 'zeros', trainable: false },
      running_var: { shape: [6], init: 'ones', trainable: false },
    });
  });

  it("rejects an input without a channel axis, in the user's numbers", () => {
    const config = parseConfig(batchNormKind, {});
    expect(() => batchNormKind.outputShape(config, [[4]], { batch: 4 })).toThrow(ShapeError);
    expect(() => batchNormKind.outputShape(config, [[4]], { batch: 4 })).toThrow('got [4]');
    expect(() => batchNormKind.configSchema.parse({ momentum: 1.5 })).toThrow();
    expect(() => batchNormKind.configSchema.parse({ eps: 1 })).toThrow();
  });

  it('writes its formula with the configured numbers', () => {
    const formula = batchNormKind.formula(parseConfig(batchNormKind, { momentum: 0.3, epsilon: 1e-3 }));
    expect(formula.forward).toContain('0.7');
    expect(formula.forward).toContain('0.001');
    expect(batchNormKind.formula(parseConfig(batchNormKind, { epsilon: 1e-7 })).forward).toContain('+ 10^{-7}');
    expect(batchNormKind.formula(parseConfig(batchNormKind, { epsilon: 2.5e-8 })).forward).toContain(
      '2.5 \\times 10^{-8}',
    );
  });
});

describe('batch_norm against TensorFlow.js (float32)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  shapes
    .filter((s) => s.length !== 3)
    .forEach((shape, i) => {
      for (const mode of ['training', 'evaluation'] as const) {
        it(`${mode} on ${JSON.stringify(shape)}`, () => {
          const rng = seeded(60 + i);
          const x = randomTensor(shape, rng, 'float32', -2, 2);
          const params = paramsFor(shape[1], rng, 'float32');
          const r = randomTensor(shape, rng, 'float32');
          const config = parseConfig(batchNormKind, {});
          const ours = runNode(batchNormKind, config, [x], params, r, mode === 'training' ? training : evaluation);
          const running = mode === 'training' ? undefined : { mean: params.running_mean, variance: params.running_var };
          const ref = tfBatchNorm(x, params.gamma, params.beta, r, 1e-5, running);
          expectCloseToReference('y', ours.y, ref.y);
          expectCloseToReference('dbeta', ours.dParams.beta, ref.grads[2]);
          // One value per channel: x - mean is 0, so dx and dgamma are 0 (tfjs leaves float32 dust).
          if (mode === 'training' && x.size === shape[1]) {
            for (const t of [...ref.grads[0].data, ...ref.grads[1].data]) expect(Math.abs(t)).toBeLessThan(1e-5);
            expect([...ours.dInputs[0].data, ...ours.dParams.gamma.data].every((v) => v === 0)).toBe(true);
            return;
          }
          expectCloseToReference('dx', ours.dInputs[0], ref.grads[0]);
          expectCloseToReference('dgamma', ours.dParams.gamma, ref.grads[1]);
        });
      }
    });
});

describe('batch_norm in a model', () => {
  const model = {
    format: 'backprop-studio.model',
    version: 1,
    nodes: [
      { id: 'x', type: 'input', config: { shape: [2] } },
      { id: 'bn', type: 'batch_norm', config: {} },
      { id: 'loss', type: 'mse', config: {} },
    ],
    edges: [
      { from: 'x', to: 'bn' },
      { from: 'bn', to: 'loss' },
    ],
    sample: {
      input: [
        [1, 10],
        [2, 20],
        [4, 30],
        [5, 60],
      ],
      target: [
        [0, 1],
        [1, 0],
        [0, 1],
        [1, 0],
      ],
    },
  };

  it('moves the running statistics once per training step, never by the optimizer, and saves them', async () => {
    const net = Network.fromModel(model, { backend, dtype: 'float64' });
    const ctx = net.context();
    await trainOnBatch(net, ctx, sgd(0.1), 3);
    const params = net.params.get('bn') ?? {};
    const x = ctx.input as Tensor;
    for (let c = 0; c < 2; c++) {
      const { mean, variance, count } = channelStats(x, c);
      const kept = 0.9 ** 3;
      expect(params.running_mean.data[c]).toBeCloseTo((1 - kept) * mean, 10);
      expect(params.running_var.data[c]).toBeCloseTo(kept + ((1 - kept) * variance * count) / (count - 1), 8);
    }
    expect(params.gamma.data[0]).not.toBe(1);
    const saved = net.toModel().nodes.find((n) => n.id === 'bn')?.params ?? {};
    expect(Object.keys(saved).sort()).toEqual(['beta', 'gamma', 'running_mean', 'running_var']);
    expect(saved.running_mean.data[0]).toBeCloseTo(params.running_mean.data[0], 5);
  });

  it('passes the model gradient check in training mode without touching the running statistics', () => {
    const net = Network.fromModel(model, { backend, dtype: 'float64' });
    const entries = checkModelGradients(net, net.context());
    expect(entries.every((e) => e.passed)).toBe(true);
    expect(entries.map((e) => e.name)).not.toContain('running_mean');
    expect(Array.from(net.params.get('bn')?.running_var.data ?? [])).toEqual([1, 1]);
    expect(checkModelGradients(net, net.context({}, false)).every((e) => e.passed)).toBe(true);
  });
});
