import { beforeAll, describe, expect, it } from 'vitest';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import type { Shape } from '../../../src/core/tensor/shape';
import type { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

/** Both ops only move values, so the GPU must give the CPU's values exactly. */
async function expectSameValues(actual: readonly Tensor[], expected: readonly Tensor[]): Promise<void> {
  await gpu.download(actual);
  expect(actual.map((t) => t.shape)).toEqual(expected.map((t) => t.shape));
  actual.forEach((t, k) => {
    expect(Array.from(t.data)).toEqual(Array.from(expected[k].data));
  });
}

/** The shape with `axis` resized, one per size. */
function pieces(shape: Shape, axis: number, sizes: readonly number[], seed: number): Tensor[] {
  return sizes.map((size, k) => {
    const piece = [...shape];
    piece[axis] = size;
    return randomTensor(piece, seed + k);
  });
}

// Axis 0, 1 and the last; unequal pieces, pieces of size 1, one piece, eight pieces, and
// blocks that are not multiples of the 64-wide workgroup.
const CASES: [string, Shape, number, number[]][] = [
  ['rank 1', [0], 0, [3, 1, 70]],
  ['axis 0 of a matrix', [0, 5], 0, [2, 1, 7]],
  ['axis 1 of a matrix (dense features)', [4, 0], 1, [3, 1, 65]],
  ['last axis of rank 3', [2, 3, 0], 2, [1, 4, 1, 2]],
  ['channels of NCHW (the concat layer)', [4, 0, 7, 9], 1, [6, 16, 1]],
  ['axis 0 of NCHW', [0, 3, 5, 5], 0, [1, 2]],
  ['axis 2 of NCHW', [2, 3, 0, 4], 2, [5, 1, 3]],
  ['last axis of NCHW', [2, 3, 4, 0], 3, [1, 1, 1, 1, 1, 1, 1, 1]],
  ['eight pieces of unequal sizes', [3, 0, 11], 1, [1, 2, 3, 4, 5, 6, 7, 8]],
  ['a single piece', [5, 0, 3], 1, [4]],
  ['many values per piece', [2, 0, 50, 50], 1, [3, 2]],
];

describe('WebGPU concat and split match the CPU backend', () => {
  CASES.forEach(([name, shape, axis, sizes], k) => {
    it(`concat: ${name}, sizes [${sizes}] along axis ${axis}`, async () => {
      const xs = pieces(shape, axis, sizes, 800 + 10 * k);
      await expectSameValues([gpu.concat(xs, axis)], [cpu.concat(xs, axis)]);
    });

    it(`split: ${name}, sizes [${sizes}] along axis ${axis}`, async () => {
      const whole = [...shape];
      whole[axis] = sizes.reduce((a, b) => a + b, 0);
      const x = randomTensor(whole, 900 + k);
      await expectSameValues(gpu.split(x, sizes, axis), cpu.split(x, sizes, axis));
    });
  });

  it('split undoes concat on the device, as the concat layer backward does', async () => {
    const xs = pieces([4, 0, 7, 9], 1, [6, 16, 1], 1000);
    const joined = gpu.concat(xs, 1);
    const parts = gpu.split(joined, [6, 16, 1], 1);
    expect(parts.every((t) => !t.onHost)).toBe(true);
    await expectSameValues(parts, xs);
  });

  it('takes the same tensor twice and pieces of size 0', async () => {
    const x = randomTensor([2, 3], 1100);
    const empty = randomTensor([2, 0], 1101);
    await expectSameValues([gpu.concat([x, empty, x], 1)], [cpu.concat([x, empty, x], 1)]);
    await expectSameValues(gpu.split(x, [0, 3, 0], 1), cpu.split(x, [0, 3, 0], 1));
  });

  it('rejects what the CPU rejects, with the same message', () => {
    const a = randomTensor([2, 3], 1102);
    const b = randomTensor([3, 3], 1103);
    const calls: [() => unknown, () => unknown][] = [
      [() => cpu.concat([], 0), () => gpu.concat([], 0)],
      [() => cpu.concat([a, b], 1), () => gpu.concat([a, b], 1)],
      [() => cpu.concat([a, randomTensor([2, 3, 1], 1)], 1), () => gpu.concat([a, randomTensor([2, 3, 1], 1)], 1)],
      [() => cpu.split(a, [1, 1], 1), () => gpu.split(a, [1, 1], 1)],
      [() => cpu.split(a, [2], 2), () => gpu.split(a, [2], 2)],
    ];
    for (const [onCpu, onGpu] of calls) {
      expect(onCpu).toThrow();
      let message = '';
      try {
        onCpu();
      } catch (e) {
        message = (e as Error).message;
      }
      expect(onGpu).toThrow(message);
    }
  });

  it('rejects an axis the tensors do not have', () => {
    const a = randomTensor([2, 3], 1104);
    expect(() => gpu.concat([a, a], 2)).toThrow(/no such axis/);
    expect(() => gpu.concat([a, a], -1)).toThrow(/no such axis/);
  });
});
