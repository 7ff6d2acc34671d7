import { describe, expect, it } from 'vitest';
import { Network } from '../../../src/core/graph/network';
import { checkModelGradients } from '../../../src/core/inspect/gradcheck';
import { dropoutKind } from '../../../src/core/layers/dropout';
import { Tensor } from '../../../src/core/tensor/tensor';
import { backend, parseConfig, randomTensor, seeded } from './helpers';
import { expectNodeGradients, reportErrorsAfterAll, runNode } from './multi-input-helpers';

reportErrorsAfterAll('dropout');

const shapes = [
  [1, 5],
  [4, 3],
  [2, 3, 3, 3],
  [3, 7],
];

describe('dropout against central differences (float64, fixed seed)', () => {
  shapes.forEach((shape, i) => {
    for (const rate of [0.2, 0.5]) {
      it(`rate ${rate} on ${JSON.stringify(shape)}`, () => {
        const ctx = { training: true, seed: 11 + i, nodeId: 'drop' };
        const x = randomTensor(shape, seeded(900 + i));
        const config = parseConfig(dropoutKind, { rate });
        expect(expectNodeGradients(dropoutKind, config, [x], {}, ctx)).toBeLessThan(1e-6);
      });
    }
  });
  it('in evaluation', () => {
    const x = randomTensor([3, 4], seeded(1));
    expect(expectNodeGradients(dropoutKind, parseConfig(dropoutKind, {}), [x], {}, { training: false })).toBeLessThan(
      1e-6,
    );
  });
});

describe('dropout semantics', () => {
  const ones = Tensor.filled([100, 100], 1, 'float64');

  it('keeps each value with probability 1 - rate and scales it by 1 / (1 - rate) in training', () => {
    const config = parseConfig(dropoutKind, { rate: 0.2 });
    const y = dropoutKind.forward(backend, config, [ones], {}, { training: true, seed: 3 }).output;
    const kept = Array.from(y.data).filter((v) => v !== 0);
    expect(kept.every((v) => v === 1 / 0.8)).toBe(true);
    expect(kept.length / y.size).toBeGreaterThan(0.78);
    expect(kept.length / y.size).toBeLessThan(0.82);
    const mean = Array.from(y.data).reduce((a, v) => a + v, 0) / y.size;
    expect(mean).toBeGreaterThan(0.97);
    expect(mean).toBeLessThan(1.03);
  });

  it('is the identity in evaluation and at rate 0', () => {
    const x = randomTensor([4, 6], seeded(2));
    expect(dropoutKind.forward(backend, parseConfig(dropoutKind, {}), [x], {}, { training: false }).output).toEqual(x);
    expect(
      dropoutKind.forward(backend, parseConfig(dropoutKind, { rate: 0 }), [x], {}, { training: true }).output,
    ).toEqual(x);
  });

  it('draws the same mask for the same seed and node, another for another seed or node', () => {
    const config = parseConfig(dropoutKind, {});
    const mask = (seed: number, nodeId: string) =>
      Array.from(dropoutKind.forward(backend, config, [ones], {}, { training: true, seed, nodeId }).output.data);
    expect(mask(5, 'a')).toEqual(mask(5, 'a'));
    expect(mask(5, 'a')).not.toEqual(mask(6, 'a'));
    expect(mask(5, 'a')).not.toEqual(mask(5, 'b'));
  });

  it('sends the gradient back through the mask of its own forward pass', () => {
    const config = parseConfig(dropoutKind, { rate: 0.5 });
    const x = randomTensor([5, 8], seeded(3));
    const r = randomTensor([5, 8], seeded(4));
    const { y, dInputs } = runNode(dropoutKind, config, [x], {}, r, { training: true, seed: 9 });
    for (let i = 0; i < x.size; i++) {
      expect(dInputs[0].data[i]).toBeCloseTo(y.data[i] === 0 ? 0 : 2 * r.data[i], 14);
      expect(y.data[i]).toBeCloseTo(y.data[i] === 0 ? 0 : 2 * x.data[i], 14);
    }
  });

  it('rejects a rate of 1 or more', () => {
    expect(() => dropoutKind.configSchema.parse({ rate: 1 })).toThrow();
    expect(() => dropoutKind.configSchema.parse({ rate: -0.1 })).toThrow();
    expect(dropoutKind.describe(parseConfig(dropoutKind, {}))).toBe('rate 0.5');
  });

  it('gives two dropout nodes of a model different masks, repeated exactly across forward passes', () => {
    const model = {
      format: 'backprop-studio.model',
      version: 1,
      nodes: [
        { id: 'x', type: 'input', config: { shape: [64] } },
        { id: 'first', type: 'dropout', config: { rate: 0.5 } },
        { id: 'second', type: 'dropout', config: { rate: 0.5 } },
        { id: 'out', type: 'dense', config: { units: 2 } },
        { id: 'loss', type: 'mse', config: {} },
      ],
      edges: [
        { from: 'x', to: 'first' },
        { from: 'x', to: 'second' },
        { from: 'second', to: 'out' },
        { from: 'out', to: 'loss' },
      ],
      sample: { input: [Array.from({ length: 64 }, () => 1)], target: [[0.5, -0.5]] },
    };
    const net = Network.fromModel(model, { backend, dtype: 'float64' });
    const ctx = { ...net.context(), seed: 42 };
    const ex = net.executor(ctx);
    ex.runForward();
    const first = Array.from(ex.outputs.get('first')?.data ?? []);
    const second = Array.from(ex.outputs.get('second')?.data ?? []);
    expect(first).not.toEqual(second);
    ex.reset();
    ex.runForward();
    expect(Array.from(ex.outputs.get('second')?.data ?? [])).toEqual(second);
    expect(checkModelGradients(net, ctx).every((e) => e.passed)).toBe(true);
  });
});
