import { beforeAll, describe, expect, it } from 'vitest';
import type { ChannelView } from '../../../src/core/backend/backend';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor, shapeOf, view } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

// Channels 1, 3, 64, 70; inner 1, 7, 196, 5000; outer 1, 2, 33, and the views the layers use.
const VIEWS: ChannelView[] = [
  view(1, 1, 1),
  view(2, 1, 7),
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
  // Batch norm on [N, F] and [N, C, H, W]; layer norm statistics; group norm statistics.
  view(33, 10, 1),
  view(4, 16, 196),
  view(1, 4, 3 * 196),
  view(1, 4 * 2, 8 * 49),
];

describe('WebGPU normalisation kernels match the CPU backend', () => {
  for (const v of VIEWS) {
    it(`moments, normalize and normalizeBackward on ${JSON.stringify(v)}`, async () => {
      const x = randomTensor(shapeOf(v), 1, -3, 5);
      const dxHat = randomTensor(shapeOf(v), 2);
      const expected = cpu.moments(x, v);
      const actual = gpu.moments(x, v);
      // Float32 tree sums over up to 165000 values measured within 1e-6 of the CPU's float64 sums.
      await expectMatchesCpu(gpu, actual.mean, expected.mean);
      await expectMatchesCpu(gpu, actual.variance, expected.variance);
      const xHat = cpu.normalize(x, expected.mean, expected.variance, 1e-5, v);
      await expectMatchesCpu(gpu, gpu.normalize(x, expected.mean, expected.variance, 1e-5, v), xHat);
      await expectMatchesCpu(gpu, gpu.normalize(x, actual.mean, actual.variance, 1e-5, v), xHat);
      await expectMatchesCpu(
        gpu,
        gpu.normalizeBackward(xHat, dxHat, expected.variance, 1e-5, v),
        cpu.normalizeBackward(xHat, dxHat, expected.variance, 1e-5, v),
      );
    });
  }

  // The CPU accumulates float32 across outer, so with |mean| / std = 3e5 it is not the reference
  // here: float64 statistics are. The mean can only be as good as its float32 rounding (half an
  // ulp of 1000, 3.05e-5), which alone moves the variance by (3.05e-5)^2 / 8.3e-6 = 1.1e-4 relative.
  for (const v of [view(33, 3, 5000), view(300, 100, 1), view(1, 70, 5000)]) {
    it(`moments stay accurate when |mean| >> std on ${JSON.stringify(v)}`, async () => {
      const x = randomTensor(shapeOf(v), 3, 1000, 1000.01);
      const { mean, variance } = gpu.moments(x, v);
      await gpu.download([mean, variance]);
      const exact = exactMoments(x, v);
      for (let c = 0; c < v.channels; c++) {
        expect(Math.abs(mean.data[c] - exact.mean[c])).toBeLessThanOrEqual(6.2e-5);
        expect(Math.abs(variance.data[c] / exact.variance[c] - 1)).toBeLessThanOrEqual(3e-4);
      }
    });
  }

  it('gives a constant channel variance 0 and normalises it to 0', async () => {
    const v = view(2, 3, 300);
    const x = randomTensor(shapeOf(v), 4);
    for (let o = 0; o < 2; o++) for (let i = 0; i < 300; i++) x.data[(o * 3 + 1) * 300 + i] = 7.3;
    const { mean, variance } = gpu.moments(x, v);
    const xHat = gpu.normalize(x, mean, variance, 1e-5, v);
    await gpu.download([mean, variance, xHat]);
    expect(mean.data[1]).toBe(Math.fround(7.3));
    expect(variance.data[1]).toBe(0);
    for (let i = 0; i < 300; i++) expect(xHat.data[300 + i]).toBe(0);
  });

  it('divides by the norm with a zero mean and epsilon 0, as weight normalisation does', async () => {
    const v = view(784, 70, 1);
    const w = randomTensor(shapeOf(v), 5);
    const norms = cpu.channelSums(cpu.mul(w, w), v);
    const zeros = Tensor.zeros([70]);
    await expectMatchesCpu(gpu, gpu.normalize(w, zeros, norms, 0, v), cpu.normalize(w, zeros, norms, 0, v));
  });

  it('chains moments, normalize and normalizeBackward on the device', async () => {
    const v = view(4, 16, 196);
    const x = randomTensor(shapeOf(v), 6, -2, 2);
    const dy = randomTensor(shapeOf(v), 7);
    const before = gpu.context.counters.downloads;
    const m = gpu.moments(gpu.scale(x, 3), v);
    const xHat = gpu.normalize(gpu.scale(x, 3), m.mean, m.variance, 1e-3, v);
    const dx = gpu.normalizeBackward(xHat, gpu.scale(dy, 1), m.variance, 1e-3, v);
    expect(dx.onHost).toBe(false);
    const cm = cpu.moments(cpu.scale(x, 3), v);
    const cxHat = cpu.normalize(cpu.scale(x, 3), cm.mean, cm.variance, 1e-3, v);
    await expectMatchesCpu(gpu, dx, cpu.normalizeBackward(cxHat, dy, cm.variance, 1e-3, v));
    expect(gpu.context.counters.downloads - before).toBe(1);
  });

  it('rejects views and statistics that do not fit', () => {
    const x = randomTensor([2, 3, 4], 8);
    const three = randomTensor([3], 9, 0.5, 1);
    expect(() => gpu.moments(x, view(2, 3, 5))).toThrow(/moments: a view of 2 x 3 x 5 does not cover 24 values/);
    expect(() => gpu.normalize(x, three, randomTensor([4], 9), 1e-5, view(2, 3, 4))).toThrow(
      /variance has 4 values but the view has 3 channels/,
    );
    expect(() => gpu.normalizeBackward(x, randomTensor([2, 3, 5], 9), three, 1e-5, view(2, 3, 4))).toThrow(
      /does not cover 30 values/,
    );
  });
});

/** Each channel's mean and biased variance in float64. */
function exactMoments(x: Tensor, v: ChannelView): { mean: Float64Array; variance: Float64Array } {
  const count = v.outer * v.inner;
  const mean = new Float64Array(v.channels);
  const variance = new Float64Array(v.channels);
  const at = (o: number, c: number, i: number) => x.data[(o * v.channels + c) * v.inner + i];
  for (let c = 0; c < v.channels; c++) {
    for (let o = 0; o < v.outer; o++) for (let i = 0; i < v.inner; i++) mean[c] += at(o, c, i);
    mean[c] /= count;
    for (let o = 0; o < v.outer; o++) for (let i = 0; i < v.inner; i++) variance[c] += (at(o, c, i) - mean[c]) ** 2;
    variance[c] /= count;
  }
  return { mean, variance };
}
