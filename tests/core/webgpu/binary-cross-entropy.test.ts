import { beforeAll, describe, expect, it } from 'vitest';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import { Tensor } from '../../../src/core/tensor/tensor';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor } from './gpu-backend';

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

const EPSILONS = [1e-7, 1e-3, 0.1];

/** a at and around the clip bounds (as float32 rounds them), and the ends of [0, 1]. */
function edgeValues(epsilon: number): number[] {
  const low = Math.fround(epsilon);
  const high = Math.fround(1 - epsilon);
  const values = [0, 1, epsilon, 1 - epsilon, low, high, low / 2, (1 + high) / 2, 0.5, 1e-9, 1 - 1e-9];
  for (const v of [low, high]) values.push(v * (1 - 2 ** -23), v * (1 + 2 ** -23));
  return values;
}

describe('WebGPU binary cross-entropy matches the CPU backend', () => {
  for (const epsilon of EPSILONS) {
    it(`loss and gradient at the clip bounds, epsilon ${epsilon}`, async () => {
      const values = edgeValues(epsilon);
      const a = Tensor.fromArray([2, values.length], [...values, ...values]);
      const y = Tensor.fromArray([2, values.length], [...values.map(() => 1), ...values.map(() => 0)]);
      // Each value on its own: the gradient spans 1 to 1e7, so a shared scale would hide errors.
      for (const [gpuOut, cpuOut] of [
        [gpu.binaryCrossEntropy(a, y, epsilon), cpu.binaryCrossEntropy(a, y, epsilon)],
        [gpu.binaryCrossEntropyGrad(a, y, epsilon), cpu.binaryCrossEntropyGrad(a, y, epsilon)],
      ]) {
        await gpu.download([gpuOut]);
        for (let i = 0; i < a.size; i++) {
          const e = cpuOut.data[i];
          expect(Math.abs(gpuOut.data[i] - e)).toBeLessThanOrEqual(1e-5 * Math.max(Math.abs(e), 1));
        }
      }
    });
  }

  it('zero gradient exactly outside the float32 clip range, nonzero at its bounds', async () => {
    const low = Math.fround(1e-7);
    const high = Math.fround(1 - 1e-7);
    const a = Tensor.fromArray([6], [0, low, high, 1, low * (1 - 2 ** -23), high * (1 + 2 ** -23)]);
    const y = Tensor.filled([6], 0.5);
    const g = gpu.binaryCrossEntropyGrad(a, y, 1e-7);
    await gpu.download([g]);
    expect([g.data[0], g.data[3], g.data[4], g.data[5]]).toEqual([0, 0, 0, 0]);
    expect(g.data[1]).not.toBe(0);
    expect(g.data[2]).not.toBe(0);
  });

  it('the largest loss is -ln of the float32 bound, not of epsilon', async () => {
    const a = Tensor.fromArray([2], [1, 0]);
    const y = Tensor.fromArray([2], [0, 1]);
    const loss = gpu.binaryCrossEntropy(a, y, 1e-7);
    await gpu.download([loss]);
    const expected = cpu.binaryCrossEntropy(a, y, 1e-7);
    expect(loss.data[0]).toBeCloseTo(expected.data[0], 4);
    expect(loss.data[0]).toBeCloseTo(-Math.log(1 - Math.fround(1 - 1e-7)), 4);
    expect(loss.data[1]).toBeCloseTo(expected.data[1], 4);
  });

  for (const shape of [[1], [65], [3, 7, 11], [300, 10]]) {
    it(`random probabilities and soft targets on ${JSON.stringify(shape)}`, async () => {
      const a = randomTensor(shape, 61, 0, 1);
      const y = randomTensor(shape, 62, 0, 1);
      const hard = randomTensor(shape, 63, 0, 1);
      for (let i = 0; i < hard.size; i++) hard.data[i] = hard.data[i] < 0.5 ? 0 : 1;
      for (const target of [y, hard]) {
        await expectMatchesCpu(gpu, gpu.binaryCrossEntropy(a, target, 1e-7), cpu.binaryCrossEntropy(a, target, 1e-7));
        await expectMatchesCpu(
          gpu,
          gpu.binaryCrossEntropyGrad(a, target, 1e-7),
          cpu.binaryCrossEntropyGrad(a, target, 1e-7),
        );
      }
    });
  }

  // The CPU gets the GPU's sigmoid values: near a = 1 the loss magnifies their last-bit differences.
  it('takes a from an earlier kernel on the device', async () => {
    const logits = randomTensor([40, 3], 64, -12, 12);
    const y = randomTensor([40, 3], 65, 0, 1);
    const a = gpu.unary('sigmoid', logits, 0);
    const loss = gpu.binaryCrossEntropy(a, y, 1e-7);
    expect(loss.onHost).toBe(false);
    await gpu.download([a, loss]);
    await expectMatchesCpu(gpu, loss, cpu.binaryCrossEntropy(a, y, 1e-7));
  });

  it('rejects shapes that differ, as the CPU does', () => {
    const a = Tensor.zeros([2, 3]);
    const y = Tensor.zeros([3, 2]);
    expect(() => gpu.binaryCrossEntropy(a, y, 1e-7)).toThrow('binaryCrossEntropy: shapes differ, [2, 3] and [3, 2]');
    expect(() => gpu.binaryCrossEntropyGrad(a, y, 1e-7)).toThrow(/binaryCrossEntropyGrad: shapes differ/);
  });
});
