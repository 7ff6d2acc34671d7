import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelView } from '../../../src/core/backend/backend';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor, shapeOf, view } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

// Channels 1, 3, 64, 70; inner 1, 7, 196, 5000; outer 1, 2, 33: one workgroup per channel, channels
// split into blocks (few channels, many values), and the 64-channel column kernel (inner 1).
const VIEWS: ChannelView[] = [
  view(1, 1, 1),
  view(1, 1, 5000),
  view(2, 3, 7),
  view(33, 3, 196),
  view(33, 3, 5000),
  view(2, 64, 1),
  view(33, 64, 7),
  view(33, 70, 1),
  view(2, 70, 196),
  view(1, 70, 5000),
  view(300, 100, 1),
  // Batch norm on [N, F] and [N, C, H, W]; layer norm statistics and element-wise affine; group norm.
  view(33, 10, 1),
  view(4, 16, 196),
  view(1, 4, 3 * 196),
  view(4, 3 * 196, 1),
  view(1, 4 * 2, 8 * 49),
  // Many channels of two values each: the column kernel with inner > 1.
  view(1, 70000, 2),
];

describe('WebGPU channel kernels match the CPU backend', () => {
  for (const v of VIEWS) {
    it(`channelSums and channelAffine on ${JSON.stringify(v)}`, async () => {
      const x = randomTensor(shapeOf(v), 1);
      const scale = randomTensor([v.channels], 2, -2, 2);
      const shift = randomTensor([v.channels], 3);
      await expectMatchesCpu(gpu, gpu.channelSums(x, v), cpu.channelSums(x, v));
      await expectMatchesCpu(gpu, gpu.channelAffine(x, scale, shift, v), cpu.channelAffine(x, scale, shift, v));
      await expectMatchesCpu(gpu, gpu.channelAffine(x, scale, undefined, v), cpu.channelAffine(x, scale, undefined, v));
    });
  }

  it('sums a constant exactly and keeps large offsets', async () => {
    const v = view(33, 3, 5000);
    const x = randomTensor(shapeOf(v), 4, 1000, 1000.5);
    await expectMatchesCpu(gpu, gpu.channelSums(x, v), cpu.channelSums(x, v));
    const ones = randomTensor(shapeOf(v), 5, 1, 1);
    const sums = gpu.channelSums(ones, v);
    await gpu.download([sums]);
    expect([...sums.data]).toEqual([165000, 165000, 165000]);
  });

  it('works on kernel outputs without downloading in between', async () => {
    const v = view(2, 70, 196);
    const x = randomTensor(shapeOf(v), 6);
    const scale = randomTensor([70], 7);
    const onDevice = gpu.channelAffine(gpu.scale(x, 2), scale, undefined, v);
    const sums = gpu.channelSums(onDevice, v);
    expect(sums.onHost).toBe(false);
    await expectMatchesCpu(gpu, sums, cpu.channelSums(cpu.channelAffine(cpu.scale(x, 2), scale, undefined, v), v));
  });

  it('rejects views and per-channel tensors that do not fit, as the CPU does', () => {
    const x = randomTensor([2, 3, 4], 8);
    expect(() => gpu.channelSums(x, view(2, 3, 5))).toThrow(/does not cover 24 values/);
    expect(() => gpu.channelAffine(x, randomTensor([4], 9), undefined, view(2, 3, 4))).toThrow(
      /scale has 4 values but the view has 3 channels/,
    );
    expect(() => gpu.channelAffine(x, randomTensor([3], 9), randomTensor([2], 9), view(2, 3, 4))).toThrow(
      /shift has 2 values/,
    );
  });
});
