import type { Backend } from '../src/core/backend/backend';
import { conv2dConfig, conv2dKind } from '../src/core/layers/conv2d';
import type { PassContext } from '../src/core/layers/kind';
import { Tensor } from '../src/core/tensor/tensor';
import { randomTensor, randomValues } from './data';
import { gflops, measure } from './timing';
import type { BenchCase, Benchmark, Tf, TimingOptions } from './types';

/** A stride-1 convolution of an [n, c, h, w] input with k filters kernel x kernel, `padding` zeros on every side. */
interface ConvShape {
  label: string;
  n: number;
  c: number;
  h: number;
  w: number;
  k: number;
  kernel: number;
  padding: number;
}

const LENET_C1: ConvShape = { label: 'LeNet C1', n: 64, c: 1, h: 28, w: 28, k: 6, kernel: 5, padding: 2 };
const LENET_C3: ConvShape = { label: 'LeNet C3', n: 64, c: 6, h: 14, w: 14, k: 16, kernel: 5, padding: 0 };
const WIDE_3X3: ConvShape = { label: '3x3 32->64', n: 16, c: 32, h: 32, w: 32, k: 64, kernel: 3, padding: 1 };

/** Multiply-adds of the forward pass; backward does two such products (input and filter gradients). */
function multiplyAdds(s: ConvShape): number {
  const oh = s.h + 2 * s.padding - s.kernel + 1;
  const ow = s.w + 2 * s.padding - s.kernel + 1;
  return s.n * s.k * oh * ow * s.c * s.kernel * s.kernel;
}

function convCase(s: ConvShape): BenchCase {
  const forwardFlops = 2 * multiplyAdds(s);
  const backwardFlops = 2 * forwardFlops;
  const metrics = (fwdMs: number, bwdMs: number) => ({
    fwdMs,
    fwdGflops: gflops(forwardFlops, fwdMs),
    bwdMs,
    bwdGflops: gflops(backwardFlops, bwdMs),
  });
  return {
    label: `${s.label}: ${s.n}x${s.c}x${s.h}x${s.w}, ${s.k}@${s.kernel}x${s.kernel} pad ${s.padding}`,
    async ours(backend: Backend, timing: TimingOptions) {
      const config = conv2dConfig.parse({ filters: s.k, kernel: s.kernel, padding: s.padding });
      const x = randomTensor([s.n, s.c, s.h, s.w], 1);
      const params = { W: randomTensor([s.k, s.c, s.kernel, s.kernel], 2), b: randomTensor([s.k], 3) };
      const ctx: PassContext = { training: true };
      const forward = await measure(async () => {
        const { output, cache } = conv2dKind.forward(backend, config, [x], params, ctx);
        await backend.download([output]);
        output.dispose();
        if (cache instanceof Tensor) cache.dispose();
      }, timing);
      const { output, cache } = conv2dKind.forward(backend, config, [x], params, ctx);
      const dy = randomTensor(output.shape, 4);
      const backward = await measure(async () => {
        const { dInputs, dParams } = conv2dKind.backward(backend, {
          config,
          inputs: [x],
          output,
          params,
          dy,
          cache,
          ctx,
        });
        const grads = [...dInputs, ...Object.values(dParams)];
        await backend.download(grads);
        for (const g of grads) g.dispose();
      }, timing);
      output.dispose();
      if (cache instanceof Tensor) cache.dispose();
      return metrics(forward.ms, backward.ms);
    },
    async tfjs(tf: Tf, timing: TimingOptions) {
      // TensorFlow.js's own layout: NHWC input, [kH, kW, in, out] filters.
      const oh = s.h + 2 * s.padding - s.kernel + 1;
      const ow = s.w + 2 * s.padding - s.kernel + 1;
      const x = tf.tensor4d(randomValues(s.n * s.h * s.w * s.c, 1), [s.n, s.h, s.w, s.c]);
      const filter = tf.tensor4d(randomValues(s.kernel * s.kernel * s.c * s.k, 2), [s.kernel, s.kernel, s.c, s.k]);
      const bias = tf.tensor1d(randomValues(s.k, 3));
      const dy = tf.tensor4d(randomValues(s.n * oh * ow * s.k, 4), [s.n, oh, ow, s.k]);
      const conv = (xIn: typeof x, f: typeof filter, b: typeof bias) =>
        tf.fused.conv2d({ x: xIn, filter: f, bias: b, strides: 1, pad: s.padding });
      const forward = await measure(async () => {
        const y = conv(x, filter, bias);
        await y.data();
        y.dispose();
      }, timing);
      const gradients = tf.grads((xIn, f, b) => conv(xIn as typeof x, f as typeof filter, b as typeof bias));
      const both = await measure(async () => {
        const grads = gradients([x, filter, bias], dy);
        await Promise.all(grads.map((g) => g.data()));
        tf.dispose(grads);
      }, timing);
      tf.dispose([x, filter, bias, dy]);
      // tf.grads reruns the forward pass; its median is taken off (floored at a tenth of the whole).
      return metrics(forward.ms, Math.max(both.ms - forward.ms, both.ms / 10));
    },
  };
}

export const conv2dBenchmark: Benchmark = {
  name: 'conv2d',
  title: 'conv2d: the Conv2D layer kind forward and backward, float32 (results downloaded each call)',
  note:
    'GFLOPS count 2 FLOPs per multiply-add: forward N*K*outH*outW*C*kH*kW, backward twice that (input and filter ' +
    'gradients). tfjs: fused.conv2d with bias, NHWC; its backward is tf.grads (forward + backward) less the forward median.',
  columns: [
    { key: 'fwdMs', label: 'fwd ms' },
    { key: 'fwdGflops', label: 'fwd GFLOPS', throughput: true },
    { key: 'bwdMs', label: 'bwd ms' },
    { key: 'bwdGflops', label: 'bwd GFLOPS', throughput: true },
  ],
  // Quick runs a smaller batch: tfjs's CPU filter gradient takes seconds at batch 64.
  cases: (quick) =>
    (quick ? [LENET_C1, LENET_C3].map((s) => ({ ...s, n: 16 })) : [LENET_C1, LENET_C3, WIDE_3X3]).map(convCase),
};
