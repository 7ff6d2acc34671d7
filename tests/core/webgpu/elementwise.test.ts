import { beforeAll, describe, expect, it } from 'vitest';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

// Sizes around the 64-wide workgroup: below, equal, above, and not a multiple.
const SHAPES = [[1], [63], [64], [65], [7, 13], [3, 5, 11], [2, 3, 17, 19]];

describe('WebGPU element-wise kernels match the CPU backend', () => {
  for (const shape of SHAPES) {
    it(`add, sub, mul, scale on ${JSON.stringify(shape)}`, async () => {
      const a = randomTensor(shape, 1);
      const b = randomTensor(shape, 2);
      await expectMatchesCpu(gpu, gpu.add(a, b), cpu.add(a, b));
      await expectMatchesCpu(gpu, gpu.sub(a, b), cpu.sub(a, b));
      await expectMatchesCpu(gpu, gpu.mul(a, b), cpu.mul(a, b));
      await expectMatchesCpu(gpu, gpu.scale(a, -2.5), cpu.scale(a, -2.5));
    });
  }

  it('chains kernels on the device without downloading in between', async () => {
    const a = randomTensor([300], 3);
    const b = randomTensor([300], 4);
    const before = gpu.context.counters.downloads;
    const result = gpu.mul(gpu.add(a, b), gpu.sub(a, b));
    expect(result.onHost).toBe(false);
    await expectMatchesCpu(gpu, result, cpu.mul(cpu.add(a, b), cpu.sub(a, b)));
    expect(gpu.context.counters.downloads - before).toBe(1);
  });

  it('axpy updates in place on the device, also when x is y', async () => {
    const y = randomTensor([5, 67], 5);
    const x = randomTensor([5, 67], 6);
    const expected = y.clone();
    cpu.axpy(expected, 0.75, x);
    gpu.axpy(y, 0.75, x);
    expect(y.onHost).toBe(false);
    await expectMatchesCpu(gpu, y, expected);
    const twice = cpu.scale(expected, 2);
    gpu.axpy(y, 1, y);
    await expectMatchesCpu(gpu, y, twice);
  });

  it('uploads a host tensor again after a host write (touch)', async () => {
    const w = randomTensor([40], 7);
    const once = gpu.scale(w, 2);
    await gpu.download([once]);
    w.data[3] = 100;
    w.touch();
    const again = gpu.scale(w, 2);
    await gpu.download([again]);
    expect(again.data[3]).toBe(200);
    expect(once.data[3]).not.toBe(200);
  });

  it('addRowVector adds the vector to every row', async () => {
    const x = randomTensor([37, 70], 8);
    const v = randomTensor([70], 9);
    await expectMatchesCpu(gpu, gpu.addRowVector(x, v), cpu.addRowVector(x, v));
  });

  it('assign copies values into an existing tensor', async () => {
    const target = randomTensor([3, 4], 10);
    const value = randomTensor([3, 4], 11);
    gpu.assign(target, gpu.scale(value, 1));
    await expectMatchesCpu(gpu, target, value);
  });

  it('countNonFinite counts NaN and infinities across many workgroups', async () => {
    const x = randomTensor([5000], 12);
    x.data[0] = Number.NaN;
    x.data[777] = Number.POSITIVE_INFINITY;
    x.data[4999] = Number.NEGATIVE_INFINITY;
    const count = gpu.countNonFinite(x);
    await gpu.download([count]);
    expect(count.data[0]).toBe(3);
    expect(cpu.countNonFinite(x).data[0]).toBe(3);
  });

  it('reshape shares device memory; a released tensor says so when read', async () => {
    const a = gpu.scale(randomTensor([2, 6], 13), 1);
    const r = a.reshape([3, 4]);
    a.dispose();
    await gpu.download([r]);
    expect(r.data).toHaveLength(12);
    const b = gpu.scale(randomTensor([4], 14), 1);
    b.dispose();
    expect(() => b.data).toThrow(/released/);
  });

  it('rejects float64 tensors with a clear message', () => {
    const x = Tensor.zeros([2], 'float64');
    expect(() => gpu.scale(x, 2)).toThrow(/float32/);
  });
});
