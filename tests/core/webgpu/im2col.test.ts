import { beforeAll, describe, expect, it } from 'vitest';
import type { WindowGeometry } from '../../../src/core/backend/backend';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import type { Shape } from '../../../src/core/tensor/shape';
import { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

function window(
  kernel: [number, number],
  stride: [number, number] = [1, 1],
  padBefore: [number, number] = [0, 0],
  padAfter: [number, number] = padBefore,
): WindowGeometry {
  return { kernel, stride, padBefore, padAfter };
}

interface Case {
  name: string;
  shape: Shape;
  geometry: WindowGeometry;
}

// The LeNet-5 layers as conv2d and the pooling layers pass them (pooling sees N * C one-channel
// images), then the awkward ones: asymmetric and large padding, strides, non-square kernels,
// windows that skip pixels, sizes that are not multiples of 64.
const CASES: Case[] = [
  { name: 'LeNet conv1: [4,1,28,28] 5x5 pad 2', shape: [4, 1, 28, 28], geometry: window([5, 5], [1, 1], [2, 2]) },
  { name: 'LeNet pool1: [24,1,28,28] 2x2 stride 2', shape: [24, 1, 28, 28], geometry: window([2, 2], [2, 2]) },
  { name: 'LeNet conv2: [4,6,14,14] 5x5 valid', shape: [4, 6, 14, 14], geometry: window([5, 5]) },
  { name: 'LeNet pool2: [64,1,10,10] 2x2 stride 2', shape: [64, 1, 10, 10], geometry: window([2, 2], [2, 2]) },
  { name: '1x1 kernel', shape: [2, 5, 7, 9], geometry: window([1, 1]) },
  { name: '3x3 same', shape: [3, 4, 11, 13], geometry: window([3, 3], [1, 1], [1, 1]) },
  { name: '2x3 kernel, stride [2, 1]', shape: [2, 3, 9, 10], geometry: window([2, 3], [2, 1]) },
  {
    name: 'asymmetric "same" padding, stride 2',
    shape: [2, 3, 8, 8],
    geometry: window([3, 3], [2, 2], [0, 0], [1, 1]),
  },
  {
    name: 'padding before only, different per axis',
    shape: [1, 2, 6, 7],
    geometry: window([3, 2], [1, 1], [2, 1], [0, 0]),
  },
  { name: 'stride larger than the kernel skips pixels', shape: [2, 2, 10, 11], geometry: window([2, 2], [3, 4]) },
  { name: 'kernel as large as the padded image', shape: [3, 2, 4, 5], geometry: window([6, 7], [1, 1], [1, 1]) },
  { name: 'one pixel, one channel, 3x3 pad 1', shape: [1, 1, 1, 1], geometry: window([3, 3], [1, 1], [1, 1]) },
  { name: '7x7 stride 2 pad 3 (ResNet stem)', shape: [2, 3, 33, 31], geometry: window([7, 7], [2, 2], [3, 3]) },
];

function dot(a: Tensor, b: Tensor): { value: number; magnitude: number } {
  let value = 0;
  let magnitude = 0;
  for (let i = 0; i < a.size; i++) {
    value += a.data[i] * b.data[i];
    magnitude += Math.abs(a.data[i] * b.data[i]);
  }
  return { value, magnitude };
}

/** im2col only copies values, so the GPU must give the CPU's values exactly, infinities included. */
async function expectSameValues(actual: Tensor, expected: Tensor): Promise<void> {
  await gpu.download([actual]);
  expect(actual.shape).toEqual(expected.shape);
  expect(Array.from(actual.data)).toEqual(Array.from(expected.data));
}

function cpuError(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    return (e as Error).message;
  }
  throw new Error('the CPU backend accepted it');
}

describe('WebGPU im2col matches the CPU backend', () => {
  CASES.forEach(({ name, shape, geometry }, k) => {
    it(`${name}, padding 0 and -Infinity`, async () => {
      const x = randomTensor(shape, 100 + k);
      await expectSameValues(gpu.im2col(x, geometry, 0), cpu.im2col(x, geometry, 0));
      const padded = gpu.im2col(x, geometry, Number.NEGATIVE_INFINITY);
      await expectSameValues(padded, cpu.im2col(x, geometry, Number.NEGATIVE_INFINITY));
    });
  });

  it('pads with -Infinity exactly where the CPU does, and other pad values too', async () => {
    const x = randomTensor([1, 1, 3, 3], 7);
    const geometry = window([3, 3], [1, 1], [1, 1]);
    const cols = gpu.im2col(x, geometry, Number.NEGATIVE_INFINITY);
    await expectSameValues(cols, cpu.im2col(x, geometry, Number.NEGATIVE_INFINITY));
    expect(cols.data[0]).toBe(Number.NEGATIVE_INFINITY);
    // 9 windows of 9 values; the 9 pixels are read by 4 (corners), 6 (edges) or 9 (centre) windows.
    expect(cols.data.filter((v) => v === Number.NEGATIVE_INFINITY)).toHaveLength(81 - 49);
    await expectSameValues(gpu.im2col(x, geometry, 2.5), cpu.im2col(x, geometry, 2.5));
  });

  it('carries extreme input values through unchanged', async () => {
    const x = Tensor.fromArray([1, 1, 2, 2], [3.4e38, -3.4e38, Number.POSITIVE_INFINITY, 1e-38]);
    const geometry = window([2, 2], [1, 1], [1, 1]);
    await expectSameValues(gpu.im2col(x, geometry, 0), cpu.im2col(x, geometry, 0));
  });

  it('rejects what the CPU rejects, with the same message', () => {
    const flat = randomTensor([4, 28], 1);
    expect(() => gpu.im2col(flat, window([2, 2]), 0)).toThrow(cpuError(() => cpu.im2col(flat, window([2, 2]), 0)));
    const small = randomTensor([1, 1, 2, 2], 2);
    const big = window([5, 5]);
    expect(() => gpu.im2col(small, big, 0)).toThrow(cpuError(() => cpu.im2col(small, big, 0)));
  });
});

describe('WebGPU col2im matches the CPU backend and is the adjoint of im2col', () => {
  CASES.forEach(({ name, shape, geometry }, k) => {
    it(name, async () => {
      const cols = randomTensor(cpu.im2col(Tensor.zeros(shape), geometry, 0).shape, 200 + k);
      await expectMatchesCpu(gpu, gpu.col2im(cols, shape, geometry), cpu.col2im(cols, shape, geometry));
    });

    it(`${name}: <im2col(x), c> = <x, col2im(c)>`, async () => {
      const x = randomTensor(shape, 300 + k);
      const c = randomTensor(cpu.im2col(x, geometry, 0).shape, 400 + k);
      const forward = gpu.im2col(x, geometry, 0);
      const back = gpu.col2im(c, shape, geometry);
      await gpu.download([forward, back]);
      const left = dot(forward, c);
      const right = dot(x, back);
      // Both sides sum the same products in float64 here; only col2im's float32 sums differ.
      expect(Math.abs(left.value - right.value)).toBeLessThanOrEqual(1e-5 * left.magnitude);
    });
  });

  it('runs after im2col on the device, as conv backward does, without a download in between', async () => {
    const shape = [4, 6, 14, 14];
    const geometry = window([5, 5]);
    const x = randomTensor(shape, 9);
    const before = gpu.context.counters.downloads;
    const back = gpu.col2im(gpu.im2col(x, geometry, 0), shape, geometry);
    expect(back.onHost).toBe(false);
    await expectMatchesCpu(gpu, back, cpu.col2im(cpu.im2col(x, geometry, 0), shape, geometry));
    expect(gpu.context.counters.downloads - before).toBe(1);
  });

  it('rejects what the CPU rejects, with the same message', () => {
    const geometry = window([3, 3]);
    const wrong = randomTensor([10, 9], 3);
    const shape = [1, 1, 5, 5];
    expect(() => gpu.col2im(wrong, shape, geometry)).toThrow(cpuError(() => cpu.col2im(wrong, shape, geometry)));
    expect(() => gpu.col2im(wrong, [9, 10], geometry)).toThrow(cpuError(() => cpu.col2im(wrong, [9, 10], geometry)));
  });
});
