import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelView, LrnOptions } from '../../../src/core/backend/backend';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import type { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor, shapeOf, view } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

// The layer's view is [N, C, H * W]: channels 1, 3, 64, 70 and inner 1, 7, 196.
const VIEWS: ChannelView[] = [view(1, 1, 1), view(2, 3, 7), view(2, 64, 1), view(1, 70, 196), view(33, 3, 196)];

// The default (AlexNet's), a radius of 0, windows wider than the channels, a strong alpha, and
// integer and fractional powers.
const OPTIONS: LrnOptions[] = [
  { radius: 2, bias: 2, alpha: 1e-4, beta: 0.75 },
  { radius: 0, bias: 1, alpha: 0.5, beta: 0.5 },
  { radius: 1, bias: 1, alpha: 1, beta: 1 },
  { radius: 5, bias: 0.5, alpha: 0.3, beta: 2 },
  { radius: 40, bias: 1.5, alpha: 0.1, beta: 0.75 },
];

/** Forward and backward on the GPU against the CPU. */
async function expectBothMatch(x: Tensor, dy: Tensor, options: LrnOptions, v: ChannelView): Promise<void> {
  await expectMatchesCpu(gpu, gpu.localResponseNorm(x, options, v), cpu.localResponseNorm(x, options, v));
  await expectMatchesCpu(
    gpu,
    gpu.localResponseNormBackward(x, dy, options, v),
    cpu.localResponseNormBackward(x, dy, options, v),
  );
}

describe('WebGPU local response normalisation matches the CPU backend', () => {
  for (const v of VIEWS) {
    it(`forward and backward on ${JSON.stringify(v)}`, async () => {
      const x = randomTensor(shapeOf(v), 1, -2, 2);
      const dy = randomTensor(shapeOf(v), 2);
      for (const options of OPTIONS) {
        await expectBothMatch(x, dy, options, v);
      }
    });
  }

  it('handles large inputs that make the denominator dominate', async () => {
    const v = view(2, 70, 7);
    const x = randomTensor(shapeOf(v), 3, -300, 300);
    const dy = randomTensor(shapeOf(v), 4);
    const options = { radius: 2, bias: 2, alpha: 1e-4, beta: 0.75 };
    await expectBothMatch(x, dy, options, v);
  });

  // k <= 0 is allowed by the layer's config: ** gives real powers of a negative base for integer
  // beta and NaN for fractional beta, and the GPU must agree.
  it('follows ** for a negative denominator (k < 0)', async () => {
    const v = view(2, 8, 5);
    const x = randomTensor(shapeOf(v), 5, -1, 1);
    const dy = randomTensor(shapeOf(v), 6);
    for (const beta of [1, 2, 0.75]) {
      const options = { radius: 2, bias: -10, alpha: 1, beta };
      if (beta === 0.75) expect(Number.isNaN(cpu.localResponseNorm(x, options, v).data[0])).toBe(true);
      await expectBothMatch(x, dy, options, v);
    }
  });

  it('runs forward and backward on device tensors with one download', async () => {
    const v = view(2, 16, 49);
    const x = randomTensor(shapeOf(v), 7);
    const dy = randomTensor(shapeOf(v), 8);
    const options = { radius: 2, bias: 2, alpha: 1e-4, beta: 0.75 };
    const before = gpu.context.counters.downloads;
    const dx = gpu.localResponseNormBackward(gpu.scale(x, 2), gpu.localResponseNorm(dy, options, v), options, v);
    expect(dx.onHost).toBe(false);
    const expected = cpu.localResponseNormBackward(cpu.scale(x, 2), cpu.localResponseNorm(dy, options, v), options, v);
    await expectMatchesCpu(gpu, dx, expected);
    expect(gpu.context.counters.downloads - before).toBe(1);
  });

  it('rejects a view that does not cover the values', () => {
    const x = randomTensor([2, 3, 4], 9);
    const options = { radius: 2, bias: 2, alpha: 1e-4, beta: 0.75 };
    expect(() => gpu.localResponseNorm(x, options, view(2, 4, 4))).toThrow(/does not cover 24 values/);
    expect(() => gpu.localResponseNormBackward(x, randomTensor([2, 3, 5], 9), options, view(2, 3, 4))).toThrow(
      /does not cover 30 values/,
    );
  });
});
