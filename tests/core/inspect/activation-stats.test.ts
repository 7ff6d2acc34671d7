import { describe, expect, it } from 'vitest';
import { activationStats, Network } from '../../../src/core';
import { backend, chainModel, exampleNetwork } from './helpers';

describe('activationStats after a real pass', () => {
  it('finds the ReLU unit that is 0 for every sample', () => {
    // Positive inputs: unit 0 always fires, unit 1 never, unit 2 for the second sample only.
    const model = chainModel(
      2,
      [
        {
          id: 'h',
          type: 'dense',
          config: { units: 3 },
          W: [
            [1, -1, -0.5],
            [1, -1, 0.5],
          ],
        },
        { id: 'h_act', type: 'relu' },
        { id: 'out', type: 'dense', config: { units: 1 }, W: [[1], [1], [1]] },
        { id: 'loss', type: 'mse' },
      ],
      {
        input: [
          [2, 1],
          [1, 3],
        ],
        target: [[0], [1]],
      },
    );
    const net = Network.fromModel(model, { backend });
    const ex = net.executor(net.context());
    ex.runForward();
    const stats = activationStats(ex);
    expect(stats.map((s) => s.nodeId)).toEqual(['x', 'h', 'h_act', 'out']);
    const relu = stats[2];
    expect(relu.dead).toEqual({ dead: [1], units: 3, share: 1 / 3 });
    // h_act = [[3, 0, 0], [4, 0, 1]].
    expect(relu).toMatchObject({ count: 6, mean: 8 / 6, min: 0, max: 4 });
    expect(relu.histogram.counts.reduce((a, b) => a + b, 0)).toBe(6);
    expect(stats[1].dead).toBeUndefined();
  });

  it("counts saturated sigmoid values from the node's input", () => {
    // Unit 0's nets are 10, -10 and 1: two saturated; unit 1's are 0.1, -0.1, 0.01: none.
    const model = chainModel(
      1,
      [
        { id: 'h', type: 'dense', config: { units: 2 }, W: [[10, 0.1]] },
        { id: 'h_act', type: 'sigmoid' },
        { id: 'out', type: 'dense', config: { units: 1 }, W: [[1], [1]] },
        { id: 'loss', type: 'mse' },
      ],
      { input: [[1], [-1], [0.1]], target: [[0], [1], [0]] },
    );
    const net = Network.fromModel(model, { backend });
    const ex = net.executor(net.context());
    ex.runForward();
    const sigmoid = activationStats(ex, { bins: 4 }).find((s) => s.nodeId === 'h_act');
    expect(sigmoid?.saturation).toEqual({ saturated: 2, total: 6, share: 1 / 3, threshold: 0.01 });
    expect(sigmoid?.histogram.counts).toHaveLength(4);
  });

  it('gives conv outputs per-channel maps, and leaves them out when asked', () => {
    const net = exampleNetwork('conv-5x5.json');
    const ex = net.executor(net.context());
    ex.runForward();
    const conv = activationStats(ex).find((s) => s.nodeId === 'edge');
    expect(conv?.maps?.map((m) => [m.channel, m.height, m.width, m.values.length])).toEqual([[0, 3, 3, 9]]);
    expect(activationStats(ex, { withoutMaps: true }).find((s) => s.nodeId === 'edge')?.maps).toBeUndefined();
    // Losses are one number: left out.
    expect(activationStats(ex).map((s) => s.nodeId)).toEqual(['image', 'edge']);
  });
});
