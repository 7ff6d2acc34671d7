import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestType } from '../../src/protocol/requests';
import type { ParamChange } from '../../src/protocol/results';
import { startThreadEngine, type ThreadEngine } from './thread-engine';

const workedExample = JSON.parse(
  readFileSync(new URL('../../resources/examples/backprop-2-2-2.json', import.meta.url), 'utf8'),
);

let engine: ThreadEngine;
const send = (type: RequestType, params?: Record<string, unknown>) => engine.request(type, params);
const ok = <T extends RequestType>(type: T, params?: Record<string, unknown>) => engine.ok(type, params);

function changeOf(changes: ParamChange[], nodeId: string, param: string): ParamChange {
  const found = changes.find((c) => c.nodeId === nodeId && c.param === param);
  if (!found) throw new Error(`no change for ${nodeId}.${param}`);
  return found;
}

beforeAll(() => {
  engine = startThreadEngine();
});

afterAll(async () => {
  await engine.stop();
});

describe('apply-update over the protocol', () => {
  it('refuses before the backward pass has reached the input', async () => {
    await ok('load', { model: workedExample, dtype: 'float64' });
    await ok('step', { direction: 'forward' });
    const reply = await send('apply-update', { learningRate: 0.5 });
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error.message).toMatch(/backward pass/);
  });

  it('rejects a learning rate that is not a positive number', async () => {
    const reply = await send('apply-update', { learningRate: -1 });
    expect(reply.ok ? undefined : reply.error).toMatchObject({ code: 'bad-request', path: '$.learningRate' });
  });

  it('takes one SGD step with the worked example: the hand-worked new weights', async () => {
    await ok('step', { direction: 'pass' });
    const update = await ok('apply-update', { learningRate: 0.5 });
    expect(update.learningRate).toBe(0.5);
    expect(update.changes.map((c) => `${c.nodeId}.${c.param}`)).toEqual(['h.W', 'h.b', 'o.W', 'o.b']);

    const outW = changeOf(update.changes, 'o', 'W');
    expect(outW.old).toEqual([
      [0.4, 0.5],
      [0.45, 0.55],
    ]);
    const [[w5, w7], [w6, w8]] = outW.new as number[][];
    expect(w5).toBeCloseTo(0.35891648, 8);
    expect(w6).toBeCloseTo(0.408666186, 8);
    expect(w7).toBeCloseTo(0.51130127, 8);
    expect(w8).toBeCloseTo(0.561370121, 8);
    expect((outW.grad as number[][])[0][0]).toBeCloseTo(0.082167041, 8);

    const [[w1, w3], [w2, w4]] = changeOf(update.changes, 'h', 'W').new as number[][];
    expect(w1).toBeCloseTo(0.149780716, 8);
    expect(w2).toBeCloseTo(0.19956143, 8);
    expect(w3).toBeCloseTo(0.24975114, 8);
    expect(w4).toBeCloseTo(0.29950229, 8);

    // The returned model stores the new weights as the file format does: float32, row-major.
    const stored = update.model.nodes.find((n) => n.id === 'o')?.params?.W;
    expect(stored?.shape).toEqual([2, 2]);
    expect(stored?.data[0]).toBeCloseTo(0.35891648, 7);
  });

  it('starts the pass again with the new weights, and the loss goes down', async () => {
    const next = await ok('step', { direction: 'forward' });
    expect(next.records[0].nodeId).toBe('x');
    const pass = await ok('step', { direction: 'pass' });
    // Below the hand-worked 0.291027924, which leaves the biases as they were; this updates them too.
    expect(pass.loss).toBeCloseTo(0.280471447, 6);
    expect(pass.dtype).toBe('float64');
  });

  it('carries the target in the loss node records', async () => {
    const pass = await ok('step', { direction: 'pass' });
    const loss = pass.records.find((r) => r.nodeId === 'loss' && r.direction === 'forward');
    expect(loss?.target).toEqual([[0.01, 0.99]]);
    expect(pass.records.find((r) => r.nodeId === 'o')?.target).toBeUndefined();
  });

  it('in float32 the new weights agree to float32 precision', async () => {
    await ok('load', { model: workedExample });
    await ok('step', { direction: 'pass' });
    const update = await ok('apply-update', { learningRate: 0.5 });
    expect(update.dtype).toBe('float32');
    expect((changeOf(update.changes, 'o', 'W').new as number[][])[0][0]).toBeCloseTo(0.35891648, 6);
    expect((changeOf(update.changes, 'h', 'W').new as number[][])[0][0]).toBeCloseTo(0.149780716, 6);
  });
});
