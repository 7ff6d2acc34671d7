import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineReply, OkReply } from '../../src/protocol/messages';
import type { RequestType } from '../../src/protocol/requests';
import type { ResultOf, StepResult } from '../../src/protocol/results';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { startThreadEngine, type ThreadEngine } from './thread-engine';

const workedExample = readFileSync(new URL('../../resources/examples/backprop-2-2-2.json', import.meta.url), 'utf8');
const PLAN_ORDER = ['x', 'h', 'h_act', 'o', 'o_act', 'loss'];

let engine: ThreadEngine;
let nextId = 1;

async function ok<T extends RequestType>(type: T, params: Record<string, unknown> = {}): Promise<ResultOf[T]> {
  const reply = await engine.send({ id: nextId++, type, ...params });
  if (!reply.ok) throw new Error(`${type} failed: ${reply.error.code}: ${reply.error.message}`);
  return (reply as OkReply<T>).result;
}

async function failure(params: Record<string, unknown>): Promise<Extract<EngineReply, { ok: false }>> {
  const id = nextId++;
  const reply = await engine.send({ id, ...params });
  expect(reply.id).toBe(id);
  if (reply.ok) throw new Error(`expected an error reply, got ${JSON.stringify(reply.result).slice(0, 200)}`);
  return reply;
}

beforeAll(() => {
  engine = startThreadEngine();
});

afterAll(async () => {
  await engine.stop();
});

describe('engine protocol over worker_threads', () => {
  it('answers hello with its protocol version and backend', async () => {
    expect(await ok('hello', { clientVersion: PROTOCOL_VERSION })).toEqual({
      protocolVersion: PROTOCOL_VERSION,
      engine: 'backprop-studio',
      backend: {
        preference: 'auto',
        active: 'cpu',
        description: 'CPU (JavaScript)',
        note: 'this engine host has no WebGPU',
      },
    });
  });

  it('refuses hello from a client of another protocol version', async () => {
    const reply = await failure({ type: 'hello', clientVersion: PROTOCOL_VERSION + 1 });
    expect(reply.error.code).toBe('version-mismatch');
  });

  it('says no model is loaded before load', async () => {
    const reply = await failure({ type: 'trace' });
    expect(reply.error.code).toBe('no-model');
  });

  it('loads the worked example and summarises its plan', async () => {
    const summary = await ok('load', { model: JSON.parse(workedExample) });
    expect(summary.nodes.map((n) => n.id)).toEqual(PLAN_ORDER);
    expect(summary.nodes.map((n) => n.outputShape)).toEqual([[1, 2], [1, 2], [1, 2], [1, 2], [1, 2], []]);
    expect(summary.nodes.map((n) => n.paramCount)).toEqual([0, 6, 0, 6, 0, 0]);
    expect(summary.nodes[1]).toMatchObject({ type: 'dense', label: 'Dense', name: 'hidden net', inputs: ['x'] });
    expect(summary.nodes[1].params).toEqual([
      { name: 'W', shape: [2, 2], count: 4 },
      { name: 'b', shape: [2], count: 2 },
    ]);
    expect(summary).toMatchObject({ paramCount: 12, batch: 1, inputIds: ['x'], lossIds: ['loss'], issues: [] });
    expect(summary.name).toBe('Worked backpropagation example (2-2-2)');
  });

  it('traces a pass: the worked example loss and every node value', async () => {
    const trace = await ok('trace', { dtype: 'float64' });
    expect(trace.loss).toBeCloseTo(0.298371109, 6);
    expect(Object.keys(trace.nodes)).toEqual(PLAN_ORDER);
    const [[out1, out2]] = trace.nodes.o_act.output as number[][];
    expect(out1).toBeCloseTo(0.75136507, 6);
    expect(out2).toBeCloseTo(0.772928465, 6);
    // dE/dw5 of the hand-worked example: W[0][0] of the output layer.
    expect((trace.nodes.o.params.W.grad as number[][])[0][0]).toBeCloseTo(0.082167041, 6);
  });

  it('traces in float32 too, and with given input and target', async () => {
    expect((await ok('trace')).loss).toBeCloseTo(0.298371109, 6);
    const other = await ok('trace', { input: [[0.05, 0.1]], target: [[0.5, 0.5]] });
    expect(other.loss).not.toBeCloseTo(0.298371109, 3);
  });

  it('steps forward through every node in plan order, then backward in reverse', async () => {
    await ok('step', { direction: 'reset' });
    const forward: StepResult[] = [];
    for (let i = 0; i < 6; i++) forward.push(await ok('step', { direction: 'forward' }));
    expect(forward.map((s) => s.records.map((r) => r.nodeId))).toEqual(PLAN_ORDER.map((id) => [id]));
    expect(forward.every((s) => s.records[0].direction === 'forward')).toBe(true);
    expect(forward[5].loss).toBeCloseTo(0.298371109, 6);
    expect(forward[1].records[0].inputs).toHaveLength(1);
    expect(forward[1].records[0].params.W).toEqual([
      [expect.closeTo(0.15, 6), expect.closeTo(0.25, 6)],
      [expect.closeTo(0.2, 6), expect.closeTo(0.3, 6)],
    ]);

    const backward: StepResult[] = [];
    for (let i = 0; i < 6; i++) backward.push(await ok('step', { direction: 'backward' }));
    expect(backward.map((s) => s.records.map((r) => r.nodeId))).toEqual([...PLAN_ORDER].reverse().map((id) => [id]));
    expect(backward[5].phase).toBe('done');
    expect(backward[5].nextNodeId).toBeNull();

    const outAct = backward[1].records[0];
    expect(outAct).toMatchObject({ nodeId: 'o_act', type: 'sigmoid', direction: 'backward' });
    // dE/dout_o1 = out_o1 - target_o1; sigmoid's local derivative out (1 - out).
    expect((outAct.upstream as number[][])[0][0]).toBeCloseTo(0.74136507, 5);
    expect((outAct.local as number[][])[0][0]).toBeCloseTo(0.186815602, 5);
    const outLayer = backward[2].records[0];
    expect((outLayer.paramGrads?.W as number[][])[0][0]).toBeCloseTo(0.082167041, 5);
    expect(outLayer.inputGrads).toHaveLength(1);
  });

  it('refuses a backward step before the forward pass is complete, naming why', async () => {
    await ok('step', { direction: 'reset' });
    await ok('step', { direction: 'forward' });
    const reply = await failure({ type: 'step', direction: 'backward' });
    expect(reply.error.code).toBe('run-error');
    expect(reply.error.message).toMatch(/forward pass/);
  });

  it('reports a whole pass as every step in order', async () => {
    const pass = await ok('step', { direction: 'pass' });
    expect(pass.records.map((r) => `${r.direction[0]}:${r.nodeId}`)).toEqual([
      ...PLAN_ORDER.map((id) => `f:${id}`),
      ...[...PLAN_ORDER].reverse().map((id) => `b:${id}`),
    ]);
    expect(pass.loss).toBeCloseTo(0.298371109, 6);
  });

  it('trains, reporting progress, and returns the updated model', async () => {
    const result = await ok('train', { steps: 4, learningRate: 0.5, progressEvery: 2 });
    expect(result.losses).toHaveLength(4);
    expect(result.losses[0]).toBeCloseTo(0.298371109, 6);
    expect(result.losses[3]).toBeLessThan(result.losses[0]);
    const w5 = result.model.nodes.find((n) => n.id === 'o')?.params?.W.data[0];
    expect(w5).not.toBeCloseTo(0.4, 3);
    const progress = engine.events.filter((e) => e.type === 'train-progress');
    expect(progress.map((e) => e.step)).toEqual([2, 4]);
    expect(progress[1].loss).toBeCloseTo(result.losses[3], 12);
    // The stepped pass starts again with the trained weights: after the fourth update, lower still.
    const step = await ok('step', { direction: 'pass' });
    expect(step.loss).toBeLessThan(result.losses[3]);
  });

  it('gives an invalid model as a typed error with the node and path of each issue', async () => {
    const model = JSON.parse(workedExample);
    model.nodes[1].config.units = 0;
    const reply = await failure({ type: 'load', model });
    expect(reply.error.code).toBe('invalid-model');
    expect(reply.error.path).toBe('$.nodes[1].config.units');
    expect(reply.error.nodeId).toBe('h');
    expect(reply.error.issues?.[0]).toMatchObject({ path: '$.nodes[1].config.units', nodeId: 'h' });
    // A failed load leaves no model behind.
    expect((await failure({ type: 'trace' })).error.code).toBe('no-model');
  });

  it('locates issues in model text by line and column', async () => {
    const text = workedExample.replace('"units": 2 }', '"units": "two" }');
    const reply = await failure({ type: 'load', text });
    expect(reply.error.code).toBe('invalid-model');
    expect(reply.error.line).toBe(text.split('\n').findIndex((l) => l.includes('"two"')) + 1);
    expect(reply.error.path).toBe('$.nodes[1].config.units');
  });

  it('names the node where a run fails', async () => {
    await ok('load', { text: workedExample });
    const reply = await failure({ type: 'trace', input: [[1, 2, 3]] });
    expect(reply.error).toMatchObject({ code: 'run-error', nodeId: 'x' });
  });

  it('answers an unknown request type with a typed error', async () => {
    const reply = await failure({ type: 'explode' });
    expect(reply.error.code).toBe('unknown-request');
    expect(reply.error.message).toMatch(/explode/);
    expect(reply.error.path).toBe('$.type');
  });

  it('answers malformed parameters with the field at fault', async () => {
    expect((await failure({ type: 'step', direction: 'sideways' })).error).toMatchObject({
      code: 'bad-request',
      path: '$.direction',
    });
    expect((await failure({ type: 'train', steps: 0, learningRate: 0.5 })).error.path).toBe('$.steps');
    expect((await failure({ type: 'trace', input: [[1, 2], [3]] })).error).toMatchObject({
      code: 'bad-request',
      path: '$.input',
    });
    expect((await failure({ type: 'load', model: {}, text: '{}' })).error.code).toBe('bad-request');
  });

  it('answers a message without an id, rather than dropping it', async () => {
    const reply = await engine.sendUnpaired({ type: 'hello' });
    expect(reply).toMatchObject({ ok: false, id: null, error: { code: 'bad-request', path: '$.id' } });
  });
});
