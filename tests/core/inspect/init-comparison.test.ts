import { describe, expect, it } from 'vitest';
import { compareInitialisers, Tensor, withWeightInit } from '../../../src/core';
import { backend, readExample } from './helpers';

describe('compareInitialisers', () => {
  it('answers "which init keeps the signal alive" for a deep ReLU stack with numbers', async () => {
    const { model, plan } = readExample('deep-relu-he.json');
    const results = await compareInitialisers(model, plan, {
      backend,
      inits: ['zeros', 'ones', 'small_random', 'he_normal'],
    });
    const by = Object.fromEntries(results.map((r) => [r.init, r]));
    expect(results.map((r) => r.init)).toEqual(['zeros', 'ones', 'small_random', 'he_normal']);
    // Layers run from the input side to the loss.
    expect(by.he_normal.layers.map((l) => l.nodeId)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `dense_${i + 1}`),
      'out',
    ]);

    // He: the signal keeps its size through eight layers and nothing is flagged.
    expect(by.he_normal.signalRatio).toBeGreaterThan(0.1);
    expect(by.he_normal.signalRatio).toBeLessThan(10);
    expect(by.he_normal.layers.every((l) => l.flag === undefined)).toBe(true);
    // 0.01 * N(0, 1): every layer shrinks it about 35 times; after eight, nothing is left.
    expect(by.small_random.signalRatio).toBeLessThan(1e-9);
    // All ones: every layer multiplies the gradient by its 16 inputs' weights.
    expect(by.ones.layers.some((l) => l.flag === 'exploding')).toBe(true);
    // All zeros: no gradient reaches any weight.
    expect(by.zeros.layers.every((l) => l.weightGradNorm === 0)).toBe(true);
  });

  it('shows Glorot failing a deep sigmoid stack where it serves a ReLU one', async () => {
    const { model, plan } = readExample('deep-sigmoid-vanishing.json');
    const [glorot] = await compareInitialisers(model, plan, { backend, inits: ['glorot_uniform'] });
    expect(glorot.layers[0].flag).toBe('vanishing');
    expect(glorot.gradientRatio).toBeLessThan(1e-3);
  });

  it('runs a given batch instead of the sample', async () => {
    const { model, plan } = readExample('deep-relu-he.json');
    const input = Tensor.fromArray([2, 2], [1, 2, -1, 0.5]);
    const target = Tensor.fromArray([2, 1], [1, 0]);
    const [he] = await compareInitialisers(model, plan, { backend, inits: [{ name: 'he_normal' }], input, target });
    expect(he.init).toBe('he_normal');
    expect(Number.isFinite(he.loss)).toBe(true);
  });
});

describe('withWeightInit', () => {
  it('drops stored weights for the initialiser, keeping biases and other parameters', () => {
    const { model, plan } = readExample('zero-init-symmetry.json');
    const changed = withWeightInit(model, plan, 'he_normal');
    const hidden = changed.nodes.find((n) => n.id === 'dense_1');
    expect(hidden?.init).toEqual({ W: 'he_normal' });
    expect(Object.keys(hidden?.params ?? {})).toEqual(['b']);
    expect(model.nodes.find((n) => n.id === 'dense_1')?.params?.W).toBeDefined();
  });

  it('leaves batch norm scales alone', () => {
    const { model, plan } = readExample('batchnorm-deep.json');
    const bn = withWeightInit(model, plan, 'zeros').nodes.find((n) => n.id === 'bn_1');
    expect(bn?.init).toBeUndefined();
  });
});
