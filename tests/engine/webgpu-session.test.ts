import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EngineBackends } from '../../src/engine/backends';
import { openNodeWebGpu } from '../../src/engine/gpu/node-gpu';
import { EngineSession } from '../../src/engine/session';
import type { EngineEvent, EngineReply } from '../../src/protocol/messages';
import type { RequestParams, RequestType } from '../../src/protocol/requests';
import type { ResultOf } from '../../src/protocol/results';
import { useSwiftShaderUnlessSet } from '../core/webgpu/gpu-backend';

const example = (name: string) => JSON.parse(readFileSync(`resources/examples/${name}.json`, 'utf8'));

/** An in-process session over a real WebGPU adapter (SwiftShader in CI). */
function gpuSession() {
  useSwiftShaderUnlessSet();
  const backends = new EngineBackends(openNodeWebGpu);
  const events: EngineEvent[] = [];
  const session = new EngineSession({ backends, emit: (e) => events.push(e) });
  let id = 1;
  async function ok<T extends RequestType>(type: T, params: RequestParams[T]): Promise<ResultOf[T]> {
    const reply: EngineReply = await session.handle({ id: id++, type, ...params });
    if (!reply.ok) throw new Error(`${type} failed: ${reply.error.message}`);
    return reply.result as ResultOf[T];
  }
  return { backends, events, ok };
}

describe('the engine session on WebGPU', () => {
  it('opens a software adapter only when WebGPU is asked for, not for auto', async () => {
    const { ok } = gpuSession();
    const auto = await ok('set-backend', { preference: 'auto' });
    const asked = await ok('set-backend', { preference: 'webgpu' });
    console.log(`engine WebGPU tests run on ${asked.description}`);
    expect(asked.active).toBe('webgpu');
    expect(asked.description).toMatch(/^WebGPU \(/);
    // SwiftShader is a software adapter; a machine with a real GPU would pick it for auto too.
    if (asked.description.includes('software')) {
      expect(auto.active).toBe('cpu');
      expect(auto.note).toMatch(/software/);
    }
    const cpu = await ok('set-backend', { preference: 'cpu' });
    expect(cpu).toEqual({ preference: 'cpu', active: 'cpu', description: 'CPU (JavaScript)' });
  });

  it('steps a pass on the GPU in float32 with the CPU numbers, and moves the model on a switch', async () => {
    const { ok } = gpuSession();
    await ok('set-backend', { preference: 'webgpu' });
    await ok('load', { model: example('backprop-2-2-2'), dtype: 'float32' });
    const pass = await ok('step', { direction: 'pass' });
    expect(pass.dtype).toBe('float32');
    expect(pass.loss).toBeCloseTo(0.298371109, 6);
    expect(pass.records).toHaveLength(12);
    const update = await ok('apply-update', { learningRate: 0.5 });
    const w5 = update.changes.find((c) => c.nodeId === 'o' && c.param === 'W');
    expect((w5?.new as number[][])[0][0]).toBeCloseTo(0.35891648, 6);
    // Back on the CPU, the weights the GPU session updated come along.
    await ok('set-backend', { preference: 'cpu' });
    const after = await ok('step', { direction: 'pass' });
    expect(after.loss).toBeCloseTo(0.280471447, 5);
  });

  it('trains a run on the GPU like the CPU does', async () => {
    const gpu = gpuSession();
    await gpu.ok('set-backend', { preference: 'webgpu' });
    const cpu = gpuSession();
    await cpu.ok('set-backend', { preference: 'cpu' });
    const request = { model: example('xor-mlp'), maxSteps: 5 } as RequestParams['train-start'];
    const [onGpu, onCpu] = [await gpu.ok('train-start', request), await cpu.ok('train-start', request)];
    expect(onGpu.steps).toBe(5);
    expect(onGpu.train?.loss).toBeCloseTo(onCpu.train?.loss ?? Number.NaN, 4);
  });

  it('inspects, compares initialisers and checks gradients with a GPU model, as on the CPU', async () => {
    const gpu = gpuSession();
    const cpu = gpuSession();
    await gpu.ok('set-backend', { preference: 'webgpu' });
    await cpu.ok('set-backend', { preference: 'cpu' });
    for (const s of [gpu, cpu]) await s.ok('load', { model: example('deep-sigmoid-vanishing'), dtype: 'float32' });
    const [onGpu, onCpu] = [await gpu.ok('inspect', { steps: 5 }), await cpu.ok('inspect', { steps: 5 })];
    expect(onGpu.training?.losses).toHaveLength(5);
    onGpu.training?.losses.forEach((loss, i) => {
      expect(loss).toBeCloseTo(onCpu.training?.losses[i] ?? Number.NaN, 4);
    });
    expect(onGpu.flow.map((f) => [f.nodeId, f.flag?.kind])).toEqual(onCpu.flow.map((f) => [f.nodeId, f.flag?.kind]));
    expect(onGpu.history.length).toBe(onCpu.history.length);
    const compared = await gpu.ok('init-compare', { initialisers: ['glorot_uniform', 'he_normal'] });
    expect(compared.comparisons.map((c) => c.init)).toEqual(['glorot_uniform', 'he_normal']);
    expect(compared.comparisons.every((c) => Number.isFinite(c.loss ?? Number.NaN))).toBe(true);
    // Central differences need float64: the check runs on the CPU whatever computes the model.
    const checked = await gpu.ok('gradcheck', {});
    expect(checked.rows.length).toBeGreaterThan(0);
    expect(checked.passed).toBe(true);
  });

  it('falls back to the CPU when the device is lost, keeping the model and answering the request', async () => {
    const { ok, backends, events } = gpuSession();
    await ok('set-backend', { preference: 'webgpu' });
    await ok('load', { model: example('backprop-2-2-2'), dtype: 'float32' });
    backends.webgpu?.context.device.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const pass = await ok('step', { direction: 'pass' });
    expect(pass.loss).toBeCloseTo(0.298371109, 6);
    const changed = events.find((e) => e.type === 'backend-changed');
    expect(changed).toBeDefined();
    if (changed?.type === 'backend-changed') {
      expect(changed.status.active).toBe('cpu');
      expect(changed.message).toMatch(/GPU/);
    }
    expect(backends.status.note).toMatch(/lost/);
  });

  it('ends a training run on the CPU with the weights trained so far when the device is lost', async () => {
    const { ok, backends, events } = gpuSession();
    await ok('set-backend', { preference: 'webgpu' });
    const run = ok('train-start', { model: example('xor-mlp'), maxSteps: 1_000_000 } as RequestParams['train-start']);
    // Lose the device once the run has made progress (the first steps compile the pipelines).
    while (!events.some((e) => e.type === 'train-progress' && e.step >= 3)) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    backends.webgpu?.context.device.destroy();
    const done = await run;
    expect(done.reason).toBe('stopped');
    expect(done.steps).toBeGreaterThanOrEqual(3);
    expect(Number.isFinite(done.train?.loss ?? Number.NaN)).toBe(true);
    expect(events.some((e) => e.type === 'backend-changed')).toBe(true);
    expect(backends.status.active).toBe('cpu');
  });
});
