import { beforeAll, describe, expect, it } from 'vitest';
import type { UnaryOp } from '../../../src/core/backend/backend';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

const OPS: UnaryOp[] = ['identity', 'step', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'softplus'];
const EDGES = [0, -0, 1e-3, -1e-3, 1e-6, -1e-6, 0.2, -0.3, 1, -1, 20, -20, 88, -88, 100, -100, 1e4, -1e4];
const ALPHA = 0.1;

/** Each value compared on its own scale, so tiny outputs (sigmoid(-88)) must be right too, not just small. */
async function expectClose(actual: Tensor, expected: Tensor, relative: number) {
  await gpu.download([actual]);
  for (let i = 0; i < expected.size; i++) {
    const e = expected.data[i];
    const a = actual.data[i];
    const allowed = relative * Math.max(Math.abs(e), 1e-30);
    if (!(Math.abs(a - e) <= allowed)) throw new Error(`value ${i}: ${a} vs ${e}`);
  }
}

describe('WebGPU unary kernels match the CPU backend', () => {
  for (const op of OPS) {
    it(`${op} and its derivative on edge values`, async () => {
      const x = Tensor.fromArray([EDGES.length], EDGES);
      const y = cpu.unary(op, x, ALPHA);
      await expectMatchesCpu(gpu, gpu.unary(op, x, ALPHA), y);
      await expectMatchesCpu(gpu, gpu.unaryDerivative(op, x, y, ALPHA), cpu.unaryDerivative(op, x, y, ALPHA));
    });

    for (const shape of [[1], [65], [3, 7, 11], [300, 70]]) {
      it(`${op} on random ${JSON.stringify(shape)}`, async () => {
        const x = randomTensor(shape, 21, -6, 6);
        const y = cpu.unary(op, x, ALPHA);
        await expectMatchesCpu(gpu, gpu.unary(op, x, ALPHA), y);
        await expectMatchesCpu(gpu, gpu.unaryDerivative(op, x, y, ALPHA), cpu.unaryDerivative(op, x, y, ALPHA));
      });
    }
  }

  // Relative to each value: a few float32 roundings plus the spec's looser exp/log precision.
  it('sigmoid, tanh and softplus are accurate relative to each value, also where they are tiny', async () => {
    const x = Tensor.fromArray([EDGES.length], EDGES);
    for (const op of ['sigmoid', 'tanh', 'softplus'] as const) {
      await expectClose(gpu.unary(op, x, ALPHA), cpu.unary(op, x, ALPHA), 2e-5);
      const y = cpu.unary(op, x, ALPHA);
      await expectClose(gpu.unaryDerivative(op, x, y, ALPHA), cpu.unaryDerivative(op, x, y, ALPHA), 2e-5);
    }
  });

  it('saturates without overflow: no NaN or infinity for large |x|', async () => {
    const x = Tensor.fromArray([6], [88, -88, 100, -100, 3e38, -3e38]);
    for (const op of ['sigmoid', 'tanh', 'softplus'] as const) {
      const y = gpu.unary(op, x, ALPHA);
      await gpu.download([y]);
      expect(Array.from(y.data).every(Number.isFinite)).toBe(true);
    }
    const t = gpu.unary('tanh', x, ALPHA);
    await gpu.download([t]);
    expect(Array.from(t.data)).toEqual([1, -1, 1, -1, 1, -1]);
  });

  it('step is 0 at 0 with derivative 0; relu and leaky relu take the x < 0 slope at 0', async () => {
    const x = Tensor.fromArray([3], [0, 1e-3, -1e-3]);
    const results = [
      gpu.unary('step', x, ALPHA),
      gpu.unaryDerivative('step', x, x, ALPHA),
      gpu.unaryDerivative('relu', x, x, ALPHA),
      gpu.unaryDerivative('leaky_relu', x, x, ALPHA),
    ];
    await gpu.download(results);
    expect(Array.from(results[0].data)).toEqual([0, 1, 0]);
    expect(Array.from(results[1].data)).toEqual([0, 0, 0]);
    expect(Array.from(results[2].data)).toEqual([0, 1, 0]);
    expect(Array.from(results[3].data)).toEqual([Math.fround(ALPHA), 1, Math.fround(ALPHA)]);
  });

  it('keeps NaN as the CPU does', async () => {
    const x = Tensor.fromArray([2], [Number.NaN, 1]);
    for (const op of ['identity', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'softplus'] as const) {
      const y = gpu.unary(op, x, ALPHA);
      await gpu.download([y]);
      expect(Number.isNaN(y.data[0])).toBe(true);
      expect(Number.isNaN(cpu.unary(op, x, ALPHA).data[0])).toBe(true);
    }
  });

  it('works on rank 0 and takes device tensors from earlier kernels', async () => {
    const s = Tensor.scalar(-0.5);
    await expectMatchesCpu(gpu, gpu.unary('sigmoid', s, ALPHA), cpu.unary('sigmoid', s, ALPHA));
    const x = randomTensor([4, 9], 22, -3, 3);
    const y = gpu.unary('tanh', gpu.scale(x, 2), ALPHA);
    const d = gpu.unaryDerivative('tanh', x, y, ALPHA);
    const yc = cpu.unary('tanh', cpu.scale(x, 2), ALPHA);
    await expectMatchesCpu(gpu, d, cpu.unaryDerivative('tanh', x, yc, ALPHA));
  });

  it('rejects x and y of different shapes', () => {
    expect(() => gpu.unaryDerivative('sigmoid', Tensor.zeros([2, 3]), Tensor.zeros([3, 2]), 0)).toThrow(
      /unaryDerivative: shapes differ/,
    );
  });
});
