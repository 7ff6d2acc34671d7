import { describe, expect, it } from 'vitest';
import { inspectNetwork, type NetworkInspection, sgd, trainOnBatch } from '../../../src/core';
import { exampleNetwork, readExample } from './helpers';

const templates = [
  'deep-sigmoid-vanishing.json',
  'deep-relu-he.json',
  'exploding.json',
  'batchnorm-deep.json',
  'no-batchnorm-deep.json',
  'dropout-overfit.json',
  'zero-init-symmetry.json',
  'spiral-deep-narrow.json',
  'spiral-shallow-wide.json',
];

function inspect(name: string): Promise<NetworkInspection> {
  const net = exampleNetwork(name);
  return inspectNetwork(net, net.context());
}

const flagOf = (inspection: NetworkInspection, id: string) => inspection.flow.find((f) => f.nodeId === id)?.flag;

describe.each(templates)('template %s', (name) => {
  it('has a name, a description, a sample and positions running left to right', () => {
    const { model } = readExample(name);
    expect(model.name).toBeTruthy();
    const sentences = (model.description ?? '').split(/[.!?](?:\s|$)/).filter((s) => s.trim().length > 1);
    expect(sentences.length).toBeGreaterThanOrEqual(2);
    expect(sentences.length).toBeLessThanOrEqual(3);
    expect(model.sample?.target).toBeDefined();
    const xs = model.nodes.map((n) => n.position?.x ?? Number.NaN);
    expect(xs.every((x, i) => i === 0 || x >= xs[i - 1])).toBe(true);
    // Nodes never sit on top of each other.
    const places = new Set(model.nodes.map((n) => `${n.position?.x},${n.position?.y}`));
    expect(places.size).toBe(model.nodes.length);
  });

  it('compiles and traces one forward and backward pass with a finite loss', async () => {
    const net = exampleNetwork(name);
    const trace = await net.trace(net.context());
    expect(Number.isFinite(trace.loss)).toBe(true);
    expect(Object.keys(trace.nodes)).toEqual(net.plan.nodes.map((n) => n.id));
  });
});

describe('template flags from real passes', () => {
  it('a deep sigmoid stack is flagged vanishing at its first layers', async () => {
    const inspection = await inspect('deep-sigmoid-vanishing.json');
    const flagged = inspection.flow.filter((f) => f.flag?.kind === 'vanishing').map((f) => f.nodeId);
    expect(flagged).toEqual(expect.arrayContaining(['dense_1', 'dense_2', 'dense_3']));
    expect(flagged).not.toContain('out');
    expect(flagged).not.toContain('dense_8');
    const first = flagOf(inspection, 'dense_1');
    expect(first?.causes).toContain('saturating_activations');
    expect(first?.explanation).toContain('8 sigmoid layers');
  });

  it('its ReLU twin with He initialisation is not flagged', async () => {
    const inspection = await inspect('deep-relu-he.json');
    expect(inspection.flow.filter((f) => f.flag)).toEqual([]);
    const first = inspection.flow.find((f) => f.nodeId === 'dense_1');
    expect(first?.ratioToLast).toBeGreaterThan(0.1);
  });

  it('the large-init network is flagged exploding', async () => {
    const inspection = await inspect('exploding.json');
    const first = inspection.flow.find((f) => f.nodeId === 'dense_1');
    expect(first?.flag?.kind).toBe('exploding');
    expect(first?.growthPerLayer).toBeGreaterThan(10);
    expect(first?.flag?.remedies).toContain('gradient_clipping');
  });

  it('batch norm keeps the first layers of the deep sigmoid stack learning', async () => {
    const plain = await inspect('no-batchnorm-deep.json');
    const normalised = await inspect('batchnorm-deep.json');
    expect(flagOf(plain, 'dense_1')?.kind).toBe('vanishing');
    expect(normalised.flow.filter((f) => f.flag)).toEqual([]);
    const ratio = (i: NetworkInspection) => i.flow.find((f) => f.nodeId === 'dense_1')?.ratioToLast ?? 0;
    expect(ratio(normalised)).toBeGreaterThan(1000 * ratio(plain));
  });

  it('dropout changes the pass in training and leaves it alone in evaluation', async () => {
    const net = exampleNetwork('dropout-overfit.json');
    const train = await net.trace(net.context({}, true));
    const evaluation = await net.trace(net.context({}, false));
    expect(train.nodes.dropout_1.output).not.toEqual(train.nodes.relu_1.output);
    expect(evaluation.nodes.dropout_1.output).toEqual(evaluation.nodes.relu_1.output);
  });

  it('the spiral twins have about the same number of parameters', () => {
    const count = (name: string) =>
      [...exampleNetwork(name).params.values()].reduce(
        (n, p) => n + Object.values(p).reduce((m, t) => m + t.size, 0),
        0,
      );
    const deep = count('spiral-deep-narrow.json');
    const wide = count('spiral-shallow-wide.json');
    expect(Math.abs(deep - wide) / wide).toBeLessThan(0.1);
  });
});

describe('zero-init-symmetry', () => {
  it('keeps every hidden unit identical through SGD steps', async () => {
    const net = exampleNetwork('zero-init-symmetry.json', 'float64');
    const { losses } = await trainOnBatch(net, net.context(), sgd(1), 20);
    expect(losses[losses.length - 1]).toBeLessThan(losses[0]);
    const W = net.params.get('dense_1')?.W;
    const b = net.params.get('dense_1')?.b;
    const out = net.params.get('out')?.W;
    if (!W || !b || !out) throw new Error('missing parameters');
    const [inputs, units] = W.shape;
    for (let i = 0; i < inputs; i++) {
      const row = Array.from(W.data.subarray(i * units, (i + 1) * units));
      expect(new Set(row).size, `row ${i}: ${row}`).toBe(1);
    }
    // The weights did move: equal, not stuck at zero.
    expect(Math.abs(W.data[0]) + Math.abs(W.data[units])).toBeGreaterThan(1e-3);
    expect(new Set(b.data).size).toBe(1);
    expect(new Set(out.data).size).toBe(1);
  });

  it('is flagged: no gradient reaches the hidden weights at the start', async () => {
    const flag = flagOf(await inspect('zero-init-symmetry.json'), 'dense_1');
    expect(flag).toMatchObject({ kind: 'vanishing', causes: ['small_weights'] });
  });
});
