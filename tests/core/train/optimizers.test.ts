import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import type { Params } from '../../../src/core/layers/kind';
import { Tensor } from '../../../src/core/tensor/tensor';
import { adagrad } from '../../../src/core/train/adagrad';
import { adam } from '../../../src/core/train/adam';
import { momentum } from '../../../src/core/train/momentum';
import { nesterov } from '../../../src/core/train/nesterov';
import type { Optimizer } from '../../../src/core/train/optimizer';
import { createOptimizerFromConfig, type OptimizerConfig } from '../../../src/core/train/optimizer-factory';
import { rmsprop } from '../../../src/core/train/rmsprop';
import { Rng } from '../../../src/core/train/rng';
import { sgd } from '../../../src/core/train/sgd';

const backend = createCpuBackend();

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** One scalar parameter w = 1 with gradient 0.5 at every step; returns w after each step. */
function scalarSteps(opt: Optimizer, steps: number, w0 = 1, g = 0.5): number[] {
  const w = Tensor.fromArray([1], [w0], 'float64');
  const params = new Map<string, Params>([['n', { w }]]);
  const grads = new Map<string, Params>([['n', { w: Tensor.fromArray([1], [g], 'float64') }]]);
  return Array.from({ length: steps }, () => {
    opt.step(backend, params, grads);
    return w.data[0];
  });
}

describe('optimizer updates by hand (w = 1, g = 0.5)', () => {
  it('sgd: w - lr g', () => {
    const [a, b] = scalarSteps(sgd(0.1), 2);
    expect(a).toBeCloseTo(0.95, 12);
    expect(b).toBeCloseTo(0.9, 12);
  });
  it('momentum: v = m v - lr g, w += v', () => {
    const [a, b] = scalarSteps(momentum({ learningRate: 0.1, momentum: 0.9 }), 2);
    expect(a).toBeCloseTo(0.95, 12);
    expect(b).toBeCloseTo(0.855, 12); // v = 0.9 * -0.05 - 0.05 = -0.095
  });
  it('nesterov: w += m v - lr g with the new v', () => {
    const [a, b] = scalarSteps(nesterov({ learningRate: 0.1, momentum: 0.9 }), 2);
    expect(a).toBeCloseTo(0.905, 12); // 1 + 0.9 * -0.05 - 0.05
    expect(b).toBeCloseTo(0.7695, 12); // 0.905 + 0.9 * -0.095 - 0.05
  });
  it('adagrad: a = 0.1 + g^2, w -= lr g / sqrt(a + eps)', () => {
    const [a] = scalarSteps(adagrad({ learningRate: 0.1 }), 1);
    expect(a).toBeCloseTo(1 - 0.05 / Math.sqrt(0.35 + 1e-7), 12);
    expect(a).toBeCloseTo(0.915485, 6);
  });
  it('rmsprop: s = (1 - rho) g^2, w -= lr g / sqrt(s + eps)', () => {
    const [a] = scalarSteps(rmsprop({ learningRate: 0.01 }), 1);
    expect(a).toBeCloseTo(0.968377, 6);
  });
  it('adam: the first step moves by about lr against the gradient', () => {
    const [a] = scalarSteps(adam({ learningRate: 0.1 }), 1);
    // alpha = 0.1 sqrt(0.001) / 0.1; m = 0.05; v = 0.00025: w = 1 - alpha * 0.05 / (0.0158114 + 1e-7)
    expect(a).toBeCloseTo(1 - (0.1 * Math.sqrt(0.001) * 0.05) / 0.1 / (Math.sqrt(0.00025) + 1e-7), 12);
    expect(a).toBeCloseTo(0.9000006, 6);
  });
  it('uses Keras default learning rates', () => {
    expect(sgd().learningRate()).toBe(0.01);
    expect(momentum().learningRate()).toBe(0.01);
    expect(adam().learningRate()).toBe(0.001);
    expect(rmsprop().learningRate()).toBe(0.001);
    expect(adagrad().learningRate()).toBe(0.001);
  });
});

interface Case {
  name: string;
  ours: OptimizerConfig;
  tfjs: () => tf.Optimizer;
}

const lr = 0.05;
const cases: Case[] = [
  { name: 'sgd', ours: { type: 'sgd', learningRate: lr }, tfjs: () => tf.train.sgd(lr) },
  {
    name: 'momentum',
    ours: { type: 'momentum', learningRate: lr, momentum: 0.9 },
    tfjs: () => tf.train.momentum(lr, 0.9),
  },
  {
    name: 'nesterov',
    ours: { type: 'nesterov', learningRate: lr, momentum: 0.8 },
    tfjs: () => tf.train.momentum(lr, 0.8, true),
  },
  // Both start the accumulator at 0.1 and add epsilon 1e-7 inside the square root.
  { name: 'adagrad', ours: { type: 'adagrad', learningRate: lr }, tfjs: () => tf.train.adagrad(lr, 0.1) },
  { name: 'rmsprop', ours: { type: 'rmsprop', learningRate: lr }, tfjs: () => tf.train.rmsprop(lr, 0.9, 0, 1e-7) },
  {
    name: 'rmsprop with momentum',
    ours: { type: 'rmsprop', learningRate: lr, rho: 0.8, momentum: 0.5 },
    tfjs: () => tf.train.rmsprop(lr, 0.8, 0.5, 1e-7),
  },
  // tfjs subtracts epsilon where Keras adds it in the centred form: equal only with epsilon 0.
  {
    name: 'rmsprop centred (epsilon 0)',
    ours: { type: 'rmsprop', learningRate: lr, centered: true, epsilon: 0 },
    tfjs: () => tf.train.rmsprop(lr, 0.9, 0, 0, true),
  },
  // Keras's epsilon is the paper's epsilon-hat, tfjs's the paper's epsilon: equal with epsilon 0 ...
  {
    name: 'adam (epsilon 0)',
    ours: { type: 'adam', learningRate: lr, epsilon: 0 },
    tfjs: () => tf.train.adam(lr, 0.9, 0.999, 0),
  },
  // ... and within 1e-5 at the default 1e-7 while gradients are not tiny.
  { name: 'adam', ours: { type: 'adam', learningRate: lr }, tfjs: () => tf.train.adam(lr, 0.9, 0.999, 1e-7) },
];

describe('optimizers match tfjs on the same gradients', () => {
  for (const c of cases) {
    it(`${c.name}: 6 steps within 1e-5`, () => {
      const rng = new Rng(7);
      const draw = (n: number) => Array.from({ length: n }, () => rng.uniform(0.2, 1.5) * (rng.next() < 0.5 ? -1 : 1));
      const w0 = draw(12);
      const b0 = draw(4);
      const W = Tensor.fromArray([3, 4], w0, 'float64');
      const b = Tensor.fromArray([4], b0, 'float64');
      const params = new Map<string, Params>([['dense', { W, b }]]);
      const tW = tf.variable(tf.tensor2d(w0, [3, 4]), true, `${c.name}/W`);
      const tb = tf.variable(tf.tensor1d(b0), true, `${c.name}/b`);
      const ours = createOptimizerFromConfig(c.ours);
      const theirs = c.tfjs();
      for (let step = 0; step < 6; step++) {
        const gW = draw(12);
        const gb = draw(4);
        const grads = new Map<string, Params>([
          ['dense', { W: Tensor.fromArray([3, 4], gW, 'float64'), b: Tensor.fromArray([4], gb, 'float64') }],
        ]);
        ours.step(backend, params, grads);
        theirs.applyGradients({ [tW.name]: tf.tensor2d(gW, [3, 4]), [tb.name]: tf.tensor1d(gb) });
        const expectedW = tW.dataSync();
        const expectedB = tb.dataSync();
        for (let i = 0; i < 12; i++) expect(Math.abs(W.data[i] - expectedW[i])).toBeLessThan(1e-5);
        for (let i = 0; i < 4; i++) expect(Math.abs(b.data[i] - expectedB[i])).toBeLessThan(1e-5);
      }
      expect(ours.iterations).toBe(6);
      tW.dispose();
      tb.dispose();
      theirs.dispose();
    });
  }
});
