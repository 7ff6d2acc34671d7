import { beforeAll, describe, expect, it } from 'vitest';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import type { Shape } from '../../../src/core/tensor/shape';
import { Tensor } from '../../../src/core/tensor/tensor';
import { Rng } from '../../../src/core/train/rng';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

/** Values from a few levels only, so most rows hold ties for their maximum. */
function tiedTensor(shape: Shape, seed: number, levels = 3): Tensor {
  const rng = new Rng(seed);
  const t = Tensor.zeros(shape);
  for (let i = 0; i < t.size; i++) t.data[i] = Math.floor(rng.uniform(0, levels)) - 1;
  return t;
}

async function checkBoth(x: Tensor, seed: number) {
  const rows = x.shape.slice(0, -1);
  const dy = randomTensor(rows, seed);
  await expectMatchesCpu(gpu, gpu.maxLastAxis(x), cpu.maxLastAxis(x));
  await expectMatchesCpu(gpu, gpu.maxLastAxisBackward(x, dy), cpu.maxLastAxisBackward(x, dy));
}

// Row lengths for one invocation per row (up to 32) and for rows shared by 4 to 256 lanes.
const LENGTHS = [1, 4, 9, 32, 33, 70, 150, 300, 5000];

describe('WebGPU maxLastAxis and its backward match the CPU backend', () => {
  for (const n of LENGTHS) {
    for (const rows of [1, 7, 300]) {
      if (n * rows > 200_000) continue;
      it(`on ${rows} rows of ${n}, random and tied values`, async () => {
        await checkBoth(randomTensor([rows, n], n + rows), 1);
        await checkBoth(tiedTensor([rows, n], n * rows), 2);
      });
    }
  }

  it('sends dy to the first of tied maxima, also across lanes of a shared row', async () => {
    for (const n of [9, 70, 5000]) {
      const x = Tensor.filled([2, n], -5);
      x.data[n - 1] = 3;
      x.data[n - 2] = 3;
      x.data[n + 5] = 2;
      x.data[2 * n - 1] = 2;
      const g = gpu.maxLastAxisBackward(x, Tensor.fromArray([2], [10, 20]));
      await gpu.download([g]);
      const nonzero = Array.from(g.data).flatMap((v, i) => (v === 0 ? [] : [[i, v]]));
      expect(nonzero).toEqual([
        [n - 2, 10],
        [n + 5, 20],
      ]);
    }
  });

  it('max pooling shapes: [N*C*outH*outW, kH*kW] columns', async () => {
    for (const shape of [
      [2 * 8 * 12 * 12, 9],
      [4 * 3 * 14 * 14, 4],
      [2 * 16 * 7 * 7, 9],
    ]) {
      await checkBoth(randomTensor(shape, 51), 3);
      await checkBoth(tiedTensor(shape, 52), 4);
    }
  });

  it('many shared rows, the last workgroup partly filled', async () => {
    await checkBoth(tiedTensor([10_001, 49], 53, 5), 5);
  });

  it('higher ranks reduce only the last axis; chains on the device', async () => {
    const x = randomTensor([2, 3, 5, 40], 54);
    await checkBoth(x, 6);
    const doubled = gpu.maxLastAxis(gpu.scale(x, 2));
    expect(doubled.shape).toEqual([2, 3, 5]);
    await expectMatchesCpu(gpu, doubled, cpu.maxLastAxis(cpu.scale(x, 2)));
  });

  it('handles infinities and NaN as the CPU loop does', async () => {
    const n = 40;
    const x = randomTensor([4, n], 55);
    x.data[3] = Number.NEGATIVE_INFINITY;
    x.data[n + 7] = Number.POSITIVE_INFINITY;
    x.data[2 * n + 20] = Number.NaN;
    x.data[3 * n] = Number.NaN;
    const dy = Tensor.fromArray([4], [1, 2, 3, 4]);
    const [m, g] = [gpu.maxLastAxis(x), gpu.maxLastAxisBackward(x, dy)];
    await gpu.download([m, g]);
    const [cm, cg] = [cpu.maxLastAxis(x), cpu.maxLastAxisBackward(x, dy)];
    expect(Array.from(m.data)).toEqual(Array.from(cm.data));
    expect(Array.from(g.data)).toEqual(Array.from(cg.data));
  });

  it('rejects rank 0 and a dy of the wrong size, as the CPU does', () => {
    expect(() => gpu.maxLastAxis(Tensor.scalar(1))).toThrow('maxLastAxis needs a tensor of rank 1 or more');
    expect(() => gpu.maxLastAxisBackward(Tensor.zeros([3, 4]), Tensor.zeros([4]))).toThrow(
      'maxLastAxisBackward: dy has 4 values for 3 rows',
    );
  });
});
