import { beforeAll, describe, expect, it } from 'vitest';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import { simplify, transposePlan } from '../../../src/core/backend/webgpu/transpose';
import type { Shape } from '../../../src/core/tensor/shape';
import { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

/** transpose only moves values, so the GPU must give the CPU's values exactly. */
async function expectSameTranspose(x: Tensor, perm: readonly number[]): Promise<void> {
  const actual = gpu.transpose(x, perm);
  const expected = cpu.transpose(x, perm);
  await gpu.download([actual]);
  expect(actual.shape).toEqual(expected.shape);
  expect(Array.from(actual.data)).toEqual(Array.from(expected.data));
}

// Every rank 1..5, small enough for the gather kernel (the tiled one has its own cases below),
// and the copy path where only size-1 axes move.
const CASES: { shape: Shape; perm: number[] }[] = [
  { shape: [7], perm: [0] },
  { shape: [5, 3], perm: [1, 0] },
  { shape: [1, 40], perm: [1, 0] },
  { shape: [16, 16], perm: [1, 0] },
  { shape: [17, 33], perm: [1, 0] },
  { shape: [100, 3], perm: [1, 0] },
  { shape: [3, 4, 5], perm: [0, 2, 1] },
  { shape: [3, 4, 5], perm: [2, 0, 1] },
  { shape: [3, 4, 5], perm: [1, 0, 2] },
  { shape: [3, 4, 5], perm: [2, 1, 0] },
  { shape: [2, 3, 4, 5], perm: [0, 2, 3, 1] },
  { shape: [2, 3, 4, 5], perm: [3, 1, 2, 0] },
  { shape: [2, 3, 4, 5], perm: [1, 0, 3, 2] },
  { shape: [2, 3, 4, 5], perm: [3, 2, 1, 0] },
  { shape: [2, 1, 4, 1], perm: [3, 2, 1, 0] },
  { shape: [1, 3, 1, 5], perm: [2, 0, 3, 1] },
  { shape: [2, 3, 4, 5, 6], perm: [4, 0, 3, 1, 2] },
  { shape: [2, 3, 4, 5, 6], perm: [0, 1, 4, 2, 3] },
  { shape: [2, 3, 4, 5, 6], perm: [1, 3, 0, 4, 2] },
  { shape: [3, 1, 2, 1, 4], perm: [0, 1, 2, 3, 4] },
  { shape: [5, 1, 7], perm: [1, 0, 2] },
];

describe('WebGPU transpose matches the CPU backend', () => {
  CASES.forEach(({ shape, perm }, k) => {
    it(`${JSON.stringify(shape)} by [${perm}]`, async () => {
      await expectSameTranspose(randomTensor(shape, 500 + k), perm);
    });
  });

  // conv2d forward turns its [N, H, W, K] matmul rows into NCHW, backward turns dy back.
  const conv: [string, Shape, number[]][] = [
    ['LeNet conv1 output NHWC -> NCHW', [4, 28, 28, 6], [0, 3, 1, 2]],
    ['LeNet conv2 output NHWC -> NCHW', [4, 10, 10, 16], [0, 3, 1, 2]],
    ['LeNet conv1 dy NCHW -> NHWC', [4, 6, 28, 28], [0, 2, 3, 1]],
    ['LeNet conv2 dy NCHW -> NHWC', [4, 16, 10, 10], [0, 2, 3, 1]],
    ['one filter: NHWC -> NCHW is a copy', [3, 9, 7, 1], [0, 3, 1, 2]],
    ['batch of one, 1x1 image', [1, 1, 1, 33], [0, 3, 1, 2]],
    ['wide channels over a small image', [2, 3, 5, 70], [0, 3, 1, 2]],
  ];
  conv.forEach(([name, shape, perm], k) => {
    it(`${name}: ${JSON.stringify(shape)} by [${perm}]`, async () => {
      await expectSameTranspose(randomTensor(shape, 600 + k), perm);
    });
  });

  // Big enough for the tiled kernel, with planes that are not multiples of its 16-wide tile.
  const tiled: [string, Shape, number[]][] = [
    ['a matrix', [257, 260], [1, 0]],
    ['a batch of planes', [2, 300, 130], [0, 2, 1]],
    ['NHWC -> NCHW with many channels', [2, 20, 20, 170], [0, 3, 1, 2]],
    ['NCHW -> NHWC with many channels', [2, 170, 20, 20], [0, 2, 3, 1]],
  ];
  tiled.forEach(([name, shape, perm], k) => {
    it(`tiled: ${name}, ${JSON.stringify(shape)} by [${perm}]`, async () => {
      expect(transposePlan(shape, perm).kind).toBe('tiled');
      await expectSameTranspose(randomTensor(shape, 650 + k), perm);
    });
  });

  it('takes the general kernel for narrow planes and when the tiles would not fit one dispatch', async () => {
    await expectSameTranspose(randomTensor([70_000, 2, 3], 700), [0, 2, 1]);
    await expectSameTranspose(randomTensor([100_000, 3], 701), [1, 0]);
  });

  it('transposes a rank-0 tensor and empty tensors', async () => {
    await expectSameTranspose(Tensor.scalar(4.5), []);
    const empty = gpu.transpose(Tensor.zeros([2, 0, 3]), [2, 0, 1]);
    expect(empty.shape).toEqual([3, 2, 0]);
  });

  it('chains with other kernels on the device, as conv does', async () => {
    const x = randomTensor([2, 5, 6, 7], 702);
    const back = gpu.transpose(gpu.transpose(x, [0, 2, 3, 1]), [0, 3, 1, 2]);
    expect(back.onHost).toBe(false);
    await gpu.download([back]);
    expect(Array.from(back.data)).toEqual(Array.from(x.data));
  });

  it('rejects what the CPU rejects, with the same message', () => {
    const x = randomTensor([2, 3], 703);
    for (const perm of [[0], [0, 0], [0, 2], [1, 0, 2], [-1, 0]]) {
      let message = '';
      try {
        cpu.transpose(x, perm);
      } catch (e) {
        message = (e as Error).message;
      }
      expect(message).not.toBe('');
      expect(() => gpu.transpose(x, perm)).toThrow(message);
    }
  });
});

describe('transpose planning', () => {
  it('tiles only wide planes of big tensors that fit one dispatch', () => {
    expect(transposePlan([4, 28, 28, 6], [0, 3, 1, 2]).kind).toBe('general');
    expect(transposePlan([64, 28, 28, 32], [0, 3, 1, 2])).toEqual({ kind: 'tiled', shape: [64, 784, 32] });
    expect(transposePlan([64, 32, 28, 28], [0, 2, 3, 1])).toEqual({ kind: 'tiled', shape: [64, 32, 784] });
    expect(transposePlan([100_000, 3], [1, 0]).kind).toBe('general');
    expect(transposePlan([65_536, 16, 16], [0, 2, 1]).kind).toBe('general');
    expect(transposePlan([1_048_577, 16], [1, 0]).kind).toBe('general');
    expect(transposePlan([1_048_560, 16], [1, 0]).kind).toBe('tiled');
    expect(transposePlan([64, 32, 28, 28], [0, 2, 1, 3]).kind).toBe('general');
    expect(transposePlan([5, 1, 7], [1, 0, 2])).toEqual({ kind: 'copy' });
  });

  it('merges input axes that stay neighbours and drops size-1 axes', () => {
    expect(simplify([4, 28, 28, 6], [0, 3, 1, 2])).toEqual({ shape: [4, 784, 6], perm: [0, 2, 1] });
    expect(simplify([4, 6, 28, 28], [0, 2, 3, 1])).toEqual({ shape: [4, 6, 784], perm: [0, 2, 1] });
    expect(simplify([2, 3, 4, 5], [0, 1, 2, 3])).toEqual({ shape: [120], perm: [0] });
    expect(simplify([2, 3, 4, 5], [3, 1, 2, 0])).toEqual({ shape: [2, 12, 5], perm: [2, 1, 0] });
    expect(simplify([1, 3, 1, 5], [2, 0, 3, 1])).toEqual({ shape: [3, 5], perm: [1, 0] });
    expect(simplify([1, 1], [1, 0])).toEqual({ shape: [], perm: [] });
    expect(simplify([5, 1, 7], [1, 0, 2])).toEqual({ shape: [35], perm: [0] });
    expect(simplify([2, 1, 3], [2, 1, 0])).toEqual({ shape: [2, 3], perm: [1, 0] });
  });
});
