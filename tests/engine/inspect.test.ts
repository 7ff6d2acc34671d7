import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestType } from '../../src/protocol/requests';
import type { ResultOf } from '../../src/protocol/results';
import { startThreadEngine, type ThreadEngine } from './thread-engine';

const example = (file: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../resources/examples/${file}`, import.meta.url), 'utf8'));

let engine: ThreadEngine;
const send = (type: RequestType, params?: Record<string, unknown>) => engine.request(type, params);
const ok = <T extends RequestType>(type: T, params?: Record<string, unknown>) => engine.ok(type, params);

const flagged = (result: ResultOf['inspect']) =>
  Object.fromEntries(result.flow.flatMap((f) => (f.flag ? [[f.nodeId, f.flag.kind]] : [])));

beforeAll(() => {
  engine = startThreadEngine();
});

afterAll(async () => {
  await engine.stop();
});

describe('inspect over the protocol', () => {
  it('flags the first layers of the deep sigmoid network as vanishing, with words and remedies', async () => {
    await ok('load', { model: example('deep-sigmoid-vanishing.json') });
    const result = await ok('inspect');
    const flags = flagged(result);
    expect(flags.dense_1).toBe('vanishing');
    expect(flags.dense_2).toBe('vanishing');
    expect(Object.values(flags)).not.toContain('exploding');
    const first = result.flow.find((f) => f.nodeId === 'dense_1');
    expect(first?.flag?.explanation).toMatch(/sigmoid/);
    expect(first?.flag?.remedies).toContain('relu_family');
    expect(result.remedyText.relu_family).toMatch(/ReLU/);
    expect(result.thresholds).toEqual({ vanishingRatio: 1e-3, explodingFactor: 10, saturationThreshold: 0.01 });
    const sigmoid = result.activations.find((a) => a.nodeId === 'sigmoid_1');
    expect(sigmoid?.saturation?.total).toBeGreaterThan(0);
    expect(sigmoid?.histogram.counts.reduce((a, b) => a + b, 0)).toBe(sigmoid?.count);
    expect(result.preActivationSamples.sigmoid_1.length).toBe(8 * 16);
    expect(result.gradients[0].distance).toBe(0);
    expect(result.training).toBeNull();
    expect(result.history).toEqual([]);
    expect(result.data).toMatch(/sample/);
  });

  it('moves the thresholds it is given: a looser vanishing ratio flags nothing', async () => {
    const result = await ok('inspect', { vanishingRatio: 1e-12 });
    expect(flagged(result)).toEqual({});
    expect(result.thresholds.vanishingRatio).toBe(1e-12);
  });

  it('flags nothing in the deep ReLU network with He initialisation', async () => {
    await ok('load', { model: example('deep-relu-he.json') });
    expect(flagged(await ok('inspect'))).toEqual({});
  });

  it('flags the exploding network', async () => {
    await ok('load', { model: example('exploding.json') });
    expect(Object.values(flagged(await ok('inspect')))).toContain('exploding');
  });

  it('trains a copy some steps, recording gradients and pre-activations on one shared range', async () => {
    await ok('load', { model: example('no-batchnorm-deep.json') });
    const before = await ok('trace');
    const result = await ok('inspect', { steps: 40 });
    expect(result.training?.steps).toBe(40);
    expect(result.training?.losses).toHaveLength(40);
    expect(result.training?.data).toMatch(/circle/);
    expect(result.history[0].step).toBe(0);
    expect(result.history.at(-1)?.step).toBe(40);
    expect(result.history.length).toBeGreaterThan(5);
    const ranges = result.history.map((h) => {
      const pre = h.preActivations.find((p) => p.nodeId === 'sigmoid_5');
      return [pre?.histogram.min, pre?.histogram.max];
    });
    expect(new Set(ranges.map((r) => r.join()))).toHaveProperty('size', 1);
    expect(result.history[3].layers.find((l) => l.nodeId === 'dense_1')?.weightNorm).toBeGreaterThan(0);
    // The session's own weights did not move.
    expect(await ok('trace')).toEqual(before);
  });

  it('gives per-channel maps of conv outputs', async () => {
    await ok('load', { model: example('conv-5x5.json') });
    const result = await ok('inspect');
    const conv = result.activations.find((a) => a.nodeId === 'edge');
    expect(conv?.maps).toHaveLength(1);
    expect(conv?.maps?.[0]).toMatchObject({ height: 3, width: 3 });
  });

  it('says why a model without a sample cannot be inspected, and refuses a set of the wrong shape', async () => {
    const { sample: _sample, ...withoutSample } = example('digits-mlp.json') as Record<string, unknown>;
    await ok('load', { model: withoutSample });
    const reply = await send('inspect');
    expect(reply.ok ? undefined : reply.error.message).toMatch(/no sample.*digits/);
    const wrong = await send('inspect', { dataset: 'circle' });
    expect(wrong.ok ? undefined : wrong.error).toMatchObject({ code: 'bad-request', path: '$.dataset' });
  });

  it('rejects malformed parameters', async () => {
    const steps = await send('inspect', { steps: -1 });
    expect(steps.ok ? undefined : steps.error).toMatchObject({ code: 'bad-request', path: '$.steps' });
    const init = await send('init-compare', { initialisers: ['magic'] });
    expect(init.ok ? undefined : init.error.code).toBe('bad-request');
  });
});

describe('gradcheck over the protocol', () => {
  it('passes every tensor of the worked example', async () => {
    await ok('load', { model: example('backprop-2-2-2.json') });
    const result = await ok('gradcheck');
    expect(result.rows.map((r) => `${r.nodeId}.${r.tensor}`)).toEqual(['x.input', 'h.W', 'h.b', 'o.W', 'o.b']);
    expect(result.passed).toBe(true);
    expect(result.rows.every((r) => r.checked === r.size && r.maxRelError < 1e-5)).toBe(true);
    expect(result.rows[1].worst).not.toBeNull();
  });

  it("checks one node's parameters, or a node without parameters on its own", async () => {
    const dense = await ok('gradcheck', { nodeId: 'o' });
    expect(dense.rows.map((r) => r.tensor)).toEqual(['W', 'b']);
    expect(dense.nodeId).toBe('o');
    const sigmoid = await ok('gradcheck', { nodeId: 'h_act' });
    expect(sigmoid.rows).toMatchObject([{ nodeId: 'h_act', tensor: 'input0', size: 2, passed: true }]);
    const missing = await send('gradcheck', { nodeId: 'nope' });
    expect(missing.ok ? undefined : missing.error).toMatchObject({ code: 'bad-request', path: '$.nodeId' });
  });
});

describe('init-compare over the protocol', () => {
  it('runs the deep sigmoid network under each initialiser', async () => {
    await ok('load', { model: example('deep-sigmoid-vanishing.json') });
    const result = await ok('init-compare', { initialisers: ['zeros', 'glorot_uniform', 'he_normal'] });
    expect(result.comparisons.map((c) => c.init)).toEqual(['zeros', 'glorot_uniform', 'he_normal']);
    const [zeros, glorot] = result.comparisons;
    expect(glorot.layers.map((l) => l.nodeId)).toEqual([...Array(8)].map((_, i) => `dense_${i + 1}`).concat('out'));
    expect(zeros.layers[0].weightGradNorm).toBe(0);
    expect(glorot.layers[0].activationStd).toBeGreaterThan(0);
  });
});
