import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText } from '../../../src/core/graph/load';
import { Network } from '../../../src/core/graph/network';
import { checkModelGradients } from '../../../src/core/inspect/gradcheck';
import type { Tensor } from '../../../src/core/tensor/tensor';
import { backend } from './helpers';
import { largestGovernedError } from './multi-input-helpers';

const file = new URL('../../../resources/examples/residual-mlp.json', import.meta.url);
const text = readFileSync(file, 'utf8');

describe('resources/examples/residual-mlp.json', () => {
  it('compiles without issues, every node named and placed', () => {
    const { model, plan, issues } = loadModelText(text);
    expect(issues).toEqual([]);
    expect(plan?.byId.get('skip')?.inputs).toEqual(['block', 'h_act']);
    expect(plan?.byId.get('skip')?.outputShape).toEqual([6, 8]);
    for (const node of model?.nodes ?? []) {
      expect(node.name, node.id).toBeTruthy();
      expect(node.position, node.id).toBeDefined();
    }
  });

  it('traces: the skip gradient adds to the gradient through the block', async () => {
    const net = Network.fromModel(JSON.parse(text), { backend, dtype: 'float64' });
    const ex = net.executor(net.context());
    const loss = ex.runPass();
    expect(loss).toBeGreaterThan(0);
    const dSkip = ex.grads.get('skip') as Tensor;
    const dThroughBlock = backend.matmul(dSkip, net.params.get('block')?.W as Tensor, false, true);
    const dHidden = ex.grads.get('h_act') as Tensor;
    expect(dHidden.size).toBe(48);
    for (let i = 0; i < dHidden.size; i++) {
      expect(dHidden.data[i]).toBeCloseTo(dSkip.data[i] + dThroughBlock.data[i], 12);
    }
    const trace = await net.trace(net.context());
    expect(Object.keys(trace.nodes)).toHaveLength(9);
    expect(trace.loss).toBeCloseTo(loss ?? 0, 12);
  });

  it('passes checkModelGradients', () => {
    const net = Network.fromModel(JSON.parse(text), { backend, dtype: 'float64' });
    const entries = checkModelGradients(net, net.context(), { maxElements: 1000 });
    expect(entries.filter((e) => !e.passed).map((e) => `${e.nodeId}.${e.name}`)).toEqual([]);
    expect(entries).toHaveLength(1 + 2 * 3);
    expect(largestGovernedError(entries)).toBeLessThan(1e-5);
  });
});
