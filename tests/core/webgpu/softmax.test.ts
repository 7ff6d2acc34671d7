import { beforeAll, describe, expect, it } from 'vitest';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import type { Shape } from '../../../src/core/tensor/shape';
import { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

// Row lengths on both sides of the one-invocation-per-row limit (32), rows shared by 4 to 256 lanes
// (2049 and up get a whole workgroup), and longer than a workgroup; batches from 1 to 300 rows.
const ROWS = [1, 2, 10, 32, 33, 65, 200, 1000, 2048, 2049, 5000];
const BATCHES = [1, 7, 300];

function shapes(): Shape[] {
  const out: Shape[] = [];
  for (const n of ROWS) for (const b of BATCHES) if (n * b <= 400_000) out.push([b, n]);
  out.push([3, 4, 17], [2, 1, 5, 70], [5], [4, 1]);
  return out;
}

function checkAll(x: Tensor, dy: Tensor) {
  const y = cpu.softmax(x);
  return Promise.all([
    expectMatchesCpu(gpu, gpu.softmax(x), y),
    expectMatchesCpu(gpu, gpu.logSoftmax(x), cpu.logSoftmax(x)),
    expectMatchesCpu(gpu, gpu.softmaxBackward(y, dy), cpu.softmaxBackward(y, dy)),
  ]);
}

describe('WebGPU softmax, softmaxBackward and logSoftmax match the CPU backend', () => {
  for (const shape of shapes()) {
    it(`on ${JSON.stringify(shape)}`, async () => {
      await checkAll(randomTensor(shape, 31, -8, 8), randomTensor(shape, 32));
    });
  }

  it('stays finite for extreme logits in one row, short and long', async () => {
    for (const n of [3, 40, 5000]) {
      const x = randomTensor([2, n], 33, -5, 5);
      x.data[1] = 1000;
      x.data[n - 1] = -1000;
      x.data[n + 2] = -1000;
      x.data[2 * n - 1] = 1000;
      const [s, l] = [gpu.softmax(x), gpu.logSoftmax(x)];
      await gpu.download([s, l]);
      expect(Array.from(s.data).every(Number.isFinite)).toBe(true);
      expect(Array.from(l.data).every(Number.isFinite)).toBe(true);
      await checkAll(x, randomTensor([2, n], 34));
    }
  });

  it('gives 1 for a row of one value and for a scalar; ties split evenly', async () => {
    await checkAll(randomTensor([9, 1], 35), randomTensor([9, 1], 36));
    await checkAll(Tensor.scalar(3), Tensor.scalar(2));
    const tied = Tensor.filled([2, 100], 7);
    await checkAll(tied, randomTensor([2, 100], 37));
  });

  it('rows sum to 1 and logSoftmax is ln softmax for a 5000-long row', async () => {
    const x = randomTensor([3, 5000], 38, -20, 20);
    const s = gpu.softmax(x);
    const l = gpu.logSoftmax(x);
    await gpu.download([s, l]);
    for (let r = 0; r < 3; r++) {
      let total = 0;
      for (let j = 0; j < 5000; j++) total += s.data[r * 5000 + j];
      expect(total).toBeCloseTo(1, 5);
    }
    for (let i = 0; i < s.size; i += 97) expect(Math.exp(l.data[i])).toBeCloseTo(s.data[i], 6);
  });

  it('chains on the device: backward of a GPU softmax', async () => {
    const x = randomTensor([300, 10], 39, -3, 3);
    const dy = randomTensor([300, 10], 40);
    const grad = gpu.softmaxBackward(gpu.softmax(x), dy);
    expect(grad.onHost).toBe(false);
    await expectMatchesCpu(gpu, grad, cpu.softmaxBackward(cpu.softmax(x), dy));
  });

  it('many medium rows share workgroups, the last one partly filled', async () => {
    for (const shape of [
      [20_001, 33],
      [1001, 300],
      [3, 3000],
    ]) {
      await checkAll(randomTensor(shape, 41, -4, 4), randomTensor(shape, 42));
    }
  });

  it('softmaxBackward rejects y and dy of different shapes', () => {
    expect(() => gpu.softmaxBackward(Tensor.zeros([2, 3]), Tensor.zeros([3, 2]))).toThrow(
      /softmaxBackward: shapes differ/,
    );
  });
});
