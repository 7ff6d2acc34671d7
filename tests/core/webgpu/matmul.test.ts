import { beforeAll, describe, expect, it } from 'vitest';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

/**
 * Each output is a K-term dot product summed in float32 on the GPU (in double on some CPU paths),
 * so rounding grows with K: about sqrt(K) float32 epsilons relative to the largest output for
 * random signs. Measured errors stay below 0.7 sqrt(K) eps; 8 sqrt(K) eps leaves a margin.
 */
function tolerance(k: number): number {
  return Math.max(1e-5, 8 * 2 ** -24 * Math.sqrt(k));
}

const FLAGS: [boolean, boolean][] = [
  [false, false],
  [true, false],
  [false, true],
  [true, true],
];

/** op(A) is [m, k] and op(B) is [k, n]; the stored operands are transposed where the flags say so. */
async function check(m: number, k: number, n: number, ta: boolean, tb: boolean, seed = 1) {
  const a = randomTensor(ta ? [k, m] : [m, k], seed);
  const b = randomTensor(tb ? [n, k] : [k, n], seed + 1);
  await expectMatchesCpu(gpu, gpu.matmul(a, b, ta, tb), cpu.matmul(a, b, ta, tb), tolerance(k));
}

// [m, k, n]: single values, and sizes below, at and past the 16-wide tiles, in every transpose case.
const SMALL: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [16, 16, 16],
  [17, 33, 65],
  [64, 128, 10],
];
// Larger products select 16, 32 and 64 tiles (in that order). SwiftShader runs them slowly, so
// they take NN and TT only: those two already cover both load orders of each operand.
const LARGE: [number, number, number][] = [
  [128, 784, 100],
  [200, 45, 330],
  [513, 17, 520],
];

describe('WebGPU matmul matches the CPU backend', () => {
  for (const [m, k, n] of SMALL) {
    for (const [ta, tb] of FLAGS) {
      it(`${m}x${k}x${n}, transposeA ${ta}, transposeB ${tb}`, async () => {
        await check(m, k, n, ta, tb);
      });
    }
  }

  for (const [m, k, n] of LARGE) {
    it(`${m}x${k}x${n}, with neither or both operands transposed`, async () => {
      await check(m, k, n, false, false);
      await check(m, k, n, true, true);
    });
  }

  it('sums a long K (1x5000x1 in every transpose case, 7x20000x3)', async () => {
    for (const [ta, tb] of FLAGS) await check(1, 5000, 1, ta, tb, 3);
    await check(7, 20000, 3, false, true, 5);
  });

  it('size-1 inner and outer dimensions: outer products and row-by-matrix', async () => {
    await check(70, 1, 90, false, false, 7);
    await check(1, 300, 129, false, true, 9);
    await check(129, 300, 1, true, false, 11);
  });

  it('is exact on small integers, so every product lands in the right place', async () => {
    const a = Tensor.zeros([37, 41]);
    const b = Tensor.zeros([41, 53]);
    for (let i = 0; i < a.size; i++) a.data[i] = (i % 7) - 3;
    for (let i = 0; i < b.size; i++) b.data[i] = (i % 5) - 2;
    await expectMatchesCpu(gpu, gpu.matmul(a, b), cpu.matmul(a, b), 0);
  });

  it('keeps large and tiny magnitudes in range', async () => {
    const a = cpu.scale(randomTensor([19, 40], 13), 1e18);
    const b = cpu.scale(randomTensor([40, 23], 14), 1e-20);
    await expectMatchesCpu(gpu, gpu.matmul(a, b), cpu.matmul(a, b), tolerance(40));
  });

  it('gives zeros for K = 0 and an empty result for M = 0', async () => {
    await expectMatchesCpu(gpu, gpu.matmul(Tensor.zeros([3, 0]), Tensor.zeros([0, 4])), Tensor.zeros([3, 4]));
    const empty = gpu.matmul(Tensor.zeros([0, 5]), randomTensor([5, 6], 15));
    expect(empty.shape).toEqual([0, 6]);
  });

  it('takes one dispatch and chains on the device', async () => {
    const a = randomTensor([33, 20], 16);
    const b = randomTensor([20, 18], 17);
    const c = randomTensor([18, 9], 18);
    const before = gpu.context.counters.dispatches;
    const result = gpu.matmul(gpu.matmul(a, b), c);
    expect(gpu.context.counters.dispatches - before).toBe(2);
    expect(result.onHost).toBe(false);
    await expectMatchesCpu(gpu, result, cpu.matmul(cpu.matmul(a, b), c), tolerance(20));
  });

  it('rejects what the CPU rejects, with the same messages', () => {
    const cases: [Tensor, Tensor, boolean, boolean][] = [
      [Tensor.zeros([2, 3, 4]), Tensor.zeros([4, 2]), false, false],
      [Tensor.zeros([2, 3]), Tensor.zeros([4, 2]), false, false],
      [Tensor.zeros([2, 3]), Tensor.zeros([3, 2]), false, true],
      [Tensor.zeros([2, 3]), Tensor.zeros([3, 2]), true, false],
    ];
    for (const [a, b, ta, tb] of cases) {
      const message = (() => {
        try {
          cpu.matmul(a, b, ta, tb);
        } catch (e) {
          return (e as Error).message;
        }
        return 'no error';
      })();
      expect(message).not.toBe('no error');
      expect(() => gpu.matmul(a, b, ta, tb)).toThrow(message);
    }
  });
});
