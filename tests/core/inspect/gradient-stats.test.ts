import { describe, expect, it } from 'vitest';
import { gradientStats, layerOrder, magnitude, runInspectedPass } from '../../../src/core';
import { exampleNetwork, readExample } from './helpers';

describe('layerOrder', () => {
  it('orders layers by distance from the loss, the skip connection being the short way back', () => {
    const places = layerOrder(readExample('residual-mlp.json').plan);
    expect(places.map((p) => [p.nodeId, p.distance, p.lastLayerId])).toEqual([
      ['out', 0, 'out'],
      ['block', 1, 'out'],
      ['h', 1, 'out'],
    ]);
    expect(places.find((p) => p.nodeId === 'h')?.between).toEqual(['h_act', 'skip', 'skip_act']);
  });

  it('counts every node with trainable parameters as a layer, batch norm included', () => {
    const places = layerOrder(readExample('batchnorm-deep.json').plan);
    expect(places.slice(0, 3).map((p) => [p.nodeId, p.distance])).toEqual([
      ['out', 0],
      ['bn_6', 1],
      ['dense_6', 2],
    ]);
  });
});

describe('gradientStats', () => {
  it("measures each layer's parameter gradients and the gradients around it", () => {
    const net = exampleNetwork('xor-mlp.json');
    const ex = net.executor(net.context());
    const inputGrads = runInspectedPass(ex);
    const stats = gradientStats(ex, inputGrads);
    expect(stats.map((s) => s.nodeId)).toEqual(['out', 'hidden']);
    const hidden = stats[1];
    const grads = ex.paramGrads.get('hidden');
    expect(hidden.params.W).toEqual(magnitude(grads?.W.data ?? []));
    expect(hidden.params.b).toEqual(magnitude(grads?.b.data ?? []));
    // Weights only: the bias adds, it does not scale the signal.
    expect(hidden.weights.norm).toBeCloseTo(hidden.params.W.norm, 12);
    expect(hidden.output).toEqual(magnitude(ex.grads.get('hidden')?.data ?? []));
    expect(hidden.input).toEqual(magnitude(ex.grads.get('x')?.data ?? []));
  });

  it('keeps what each node passed back even where an input feeds two nodes', () => {
    const net = exampleNetwork('residual-mlp.json');
    const ex = net.executor(net.context());
    const inputGrads = runInspectedPass(ex);
    const block = gradientStats(ex, inputGrads).find((s) => s.nodeId === 'block');
    const fromBlock = inputGrads.get('block')?.[0];
    const fromSkip = inputGrads.get('skip')?.[1];
    expect(block?.input).toEqual(magnitude(fromBlock?.data ?? []));
    // h_act's gradient is the sum of both routes.
    const sum = Array.from(fromBlock?.data ?? [], (v, i) => v + (fromSkip?.data[i] ?? 0));
    Array.from(ex.grads.get('h_act')?.data ?? []).forEach((v, i) => {
      expect(v).toBeCloseTo(sum[i], 6);
    });
  });
});
