import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateModel } from '../../../src/core/graph/load';
import { Network } from '../../../src/core/graph/network';
import { checkModelGradients } from '../../../src/core/inspect/gradcheck';
import { sizeOf } from '../../../src/core/tensor/shape';
import { backend } from './helpers';

function example(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../../resources/examples/${name}`, import.meta.url), 'utf8'));
}

describe('resources/examples/conv-5x5.json', () => {
  it('loads without issues and traces the hand-computed edge map, loss and filter gradient', async () => {
    expect(validateModel(example('conv-5x5.json')).issues).toEqual([]);
    const net = Network.fromModel(example('conv-5x5.json'), { backend, dtype: 'float64' });
    const trace = await net.trace(net.context());
    expect(trace.nodes.edge.output).toEqual([
      [
        [
          [3, 3, 0],
          [3, 3, 0],
          [3, 3, 0],
        ],
      ],
    ]);
    // 1/2 (3 - 1)^2 at the six edge positions, 0 elsewhere.
    expect(trace.loss).toBe(12);
    // dE/dW[m][l] = sum over positions of (y - t) * x: the 2s at columns 0-1 times the pixels they saw.
    expect(trace.nodes.edge.params.W.grad).toEqual([
      [
        [
          [0, 6, 12],
          [0, 6, 12],
          [0, 6, 12],
        ],
      ],
    ]);
    expect(trace.nodes.edge.params.b.grad).toEqual([12]);
  });
});

describe('resources/examples/lenet5.json', () => {
  it('has the textbook LeNet-5 parameter counts and shapes', () => {
    const { plan, issues } = validateModel(example('lenet5.json'));
    expect(issues).toEqual([]);
    const count = (id: string) =>
      Object.values(plan?.byId.get(id)?.paramSpecs ?? {}).reduce((total, spec) => total + sizeOf(spec.shape), 0);
    expect(['c1', 'c3', 'f5', 'f6', 'out'].map(count)).toEqual([156, 2416, 48120, 10164, 850]);
    const total = plan?.nodes.reduce((sum, node) => sum + count(node.id), 0);
    expect(total).toBe(61706);
    const shapes = ['c1', 's2', 'c3', 's4', 'flat', 'f5', 'f6', 'out'].map((id) => plan?.byId.get(id)?.outputShape);
    expect(shapes).toEqual([
      [1, 6, 28, 28],
      [1, 6, 14, 14],
      [1, 16, 10, 10],
      [1, 16, 5, 5],
      [1, 400],
      [1, 120],
      [1, 84],
      [1, 10],
    ]);
  });

  it('backpropagates through conv, pooling and flatten: whole-model gradients match central differences', () => {
    const net = Network.fromModel(example('lenet5.json'), { backend, dtype: 'float64', seed: 3 });
    const entries = checkModelGradients(net, net.context(), { maxElements: 12, tolerance: 1e-5 });
    expect(entries.map((e) => `${e.nodeId}.${e.name}`)).toContain('c1.W');
    const failed = entries.filter((e) => !e.passed).map((e) => `${e.nodeId}.${e.name} ${e.maxRelError}`);
    expect(failed).toEqual([]);
  });
});
