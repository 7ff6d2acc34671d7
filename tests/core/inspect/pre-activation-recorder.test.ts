import { describe, expect, it } from 'vitest';
import { distributionShift, PreActivationRecorder, syntheticDataset, Trainer } from '../../../src/core';
import { exampleNetwork } from './helpers';

const data = syntheticDataset('circle', { samples: 128, seed: 4 });
const probe = data.inputs;

/** Trains 40 Adam steps (the templates' optimizer), recording sigmoid_5's input after every 10. */
async function record(example: string) {
  const net = exampleNetwork(example);
  const recorder = new PreActivationRecorder(net, { nodeId: 'sigmoid_5', probe, bins: 10, every: 10 });
  recorder.record(0);
  const trainer = new Trainer(net, {
    train: data,
    optimizer: { type: 'adam', learningRate: 0.01 },
    batchSize: 32,
    steps: 40,
    onProgress: recorder.onProgress,
  });
  await trainer.run();
  return recorder;
}

describe('PreActivationRecorder', () => {
  it("records a node's input distribution at chosen steps, every histogram on one range", async () => {
    const recorder = await record('no-batchnorm-deep.json');
    expect(recorder.inputId).toBe('dense_5');
    expect(recorder.records.map((r) => r.step)).toEqual([0, 10, 20, 30, 40]);
    const [first] = recorder.records;
    for (const r of recorder.records) {
      expect([r.histogram.min, r.histogram.max]).toEqual([first.histogram.min, first.histogram.max]);
      expect(r.histogram.counts).toHaveLength(10);
      const total = r.histogram.counts.reduce((a, b) => a + b, 0) + r.histogram.below + r.histogram.above;
      expect(total).toBe(probe.shape[0] * 16);
    }
    // The first range is the data's widened by half on each side.
    const width = first.stats.max - first.stats.min;
    expect(first.histogram.min).toBeCloseTo(first.stats.min - width / 2, 5);
  });

  it('shows the shift batch norm removes: its sigmoid inputs stay standardised while the plain ones drift', async () => {
    const plain = distributionShift((await record('no-batchnorm-deep.json')).records);
    const normalised = await record('batchnorm-deep.json');
    expect(normalised.inputId).toBe('bn_5');
    const shifted = distributionShift(normalised.records);
    const last = (s: typeof plain) => s[s.length - 1];
    // Measured: the plain mean moves 0.86 of its first spread, the normalised one 0.05.
    expect(last(plain).meanShift).toBeGreaterThan(0.3);
    expect(last(plain).meanShift).toBeGreaterThan(5 * last(shifted).meanShift);
    for (const r of normalised.records) expect(Math.abs(r.stats.mean)).toBeLessThan(0.2);
  });

  it('refuses a node the model does not have', () => {
    const net = exampleNetwork('xor-mlp.json');
    expect(() => new PreActivationRecorder(net, { nodeId: 'nope', probe })).toThrow(/no node 'nope'/);
    expect(() => new PreActivationRecorder(net, { nodeId: 'x', probe })).toThrow(/no input/);
  });
});
