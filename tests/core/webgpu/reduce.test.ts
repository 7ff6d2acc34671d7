import { beforeAll, describe, expect, it } from 'vitest';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import type { Shape } from '../../../src/core/tensor/shape';
import { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

/**
 * The CPU adds in double, the GPU in float32 (serial runs, then trees), so rounding grows with
 * the count of values added: about sqrt(count) float32 epsilons relative to the result's scale.
 */
function tolerance(count: number): number {
  return Math.max(1e-5, 8 * 2 ** -24 * Math.sqrt(count));
}

/** Small integers sum exactly in float32, so a lost or doubled value shows as an exact mismatch. */
function integers(shape: Shape): Tensor {
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = (i % 11) - 5 + (i % 3);
  return t;
}

describe('WebGPU sum matches the CPU backend', () => {
  // Fewer values than invocations, just past one workgroup's 1024 (two passes), and many workgroups.
  for (const size of [1, 63, 64, 65, 1025, 5000, 100000]) {
    it(`sums ${size} values`, async () => {
      const x = randomTensor([size], size);
      await expectMatchesCpu(gpu, gpu.sum(x), cpu.sum(x), tolerance(size));
      await expectMatchesCpu(gpu, gpu.sum(integers([size])), cpu.sum(integers([size])), 0);
    });
  }

  // SwiftShader takes seconds over this many workgroups, so one exact check of the strided loop.
  it('sums 1500000 values, more than one value per invocation in every workgroup', async () => {
    const x = integers([1_500_000]);
    await expectMatchesCpu(gpu, gpu.sum(x), cpu.sum(x), 0);
  });

  it('sums every axis of a higher-rank tensor', async () => {
    const x = randomTensor([3, 5, 7, 11], 2);
    await expectMatchesCpu(gpu, gpu.sum(x), cpu.sum(x), tolerance(x.size));
  });

  it('gives a rank-0 zero for no values', async () => {
    const s = gpu.sum(Tensor.zeros([0]));
    await expectMatchesCpu(gpu, s, Tensor.scalar(0), 0);
    expect(s.shape).toEqual([]);
  });

  it('keeps extreme magnitudes in range', async () => {
    const big = cpu.scale(randomTensor([5000], 3), 1e30);
    await expectMatchesCpu(gpu, gpu.sum(big), cpu.sum(big), tolerance(5000));
    const tiny = cpu.scale(randomTensor([5000], 4), 1e-30);
    const expected = cpu.sum(tiny);
    const actual = gpu.sum(tiny);
    await gpu.download([actual]);
    expect(Math.abs(actual.data[0] - expected.data[0])).toBeLessThanOrEqual(1e-30 * tolerance(5000));
  });

  it('chains with other kernels on the device and takes at most two dispatches', async () => {
    const x = randomTensor([5000], 5);
    const before = gpu.context.counters.dispatches;
    const s = gpu.sum(gpu.scale(x, 2));
    expect(gpu.context.counters.dispatches - before).toBe(3);
    expect(s.onHost).toBe(false);
    await expectMatchesCpu(gpu, s, cpu.sum(cpu.scale(x, 2)), tolerance(5000));
  });
});

describe('WebGPU sumColumns matches the CPU backend', () => {
  // Single values, tall and narrow (many row chunks), short and wide, and ragged against the tiles.
  const SHAPES: [number, number][] = [
    [1, 1],
    [5000, 3],
    [3, 5000],
    [257, 129],
    [1, 70],
    [70, 1],
    [100000, 17],
  ];
  for (const [m, n] of SHAPES) {
    it(`sums the columns of [${m}, ${n}]`, async () => {
      const x = randomTensor([m, n], m + n);
      await expectMatchesCpu(gpu, gpu.sumColumns(x), cpu.sumColumns(x), tolerance(m));
      await expectMatchesCpu(gpu, gpu.sumColumns(integers([m, n])), cpu.sumColumns(integers([m, n])), 0);
    });
  }

  it('gives zeros for no rows', async () => {
    await expectMatchesCpu(gpu, gpu.sumColumns(Tensor.zeros([0, 5])), Tensor.zeros([5]), 0);
  });

  it('rejects tensors that are not rank 2, as the CPU does', () => {
    const x = Tensor.zeros([2, 3, 4]);
    expect(() => cpu.sumColumns(x)).toThrow('sumColumns needs a rank-2 tensor, got [2,3,4]');
    expect(() => gpu.sumColumns(x)).toThrow('sumColumns needs a rank-2 tensor, got [2,3,4]');
  });
});
