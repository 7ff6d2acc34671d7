import type { Backend } from '../src/core/backend/backend';
import { randomTensor, randomValues } from './data';
import { gflops, measure } from './timing';
import type { BenchCase, Benchmark, Tf, TimingOptions } from './types';

/** C [M, N] = A [M, K] B [K, N]: 2MNK floating-point operations. */
interface MatmulShape {
  m: number;
  k: number;
  n: number;
  label?: string;
}

const FULL: MatmulShape[] = [
  { m: 128, k: 128, n: 128 },
  { m: 256, k: 256, n: 256 },
  { m: 512, k: 512, n: 512 },
  { m: 1024, k: 1024, n: 1024 },
  { m: 64, k: 784, n: 128, label: 'MLP layer' },
];
const QUICK: MatmulShape[] = [FULL[0], FULL[4]];

function matmulCase(s: MatmulShape): BenchCase {
  const flops = 2 * s.m * s.n * s.k;
  const label = `${s.m}x${s.k}x${s.n}${s.label ? ` (${s.label})` : ''}`;
  return {
    label,
    async ours(backend: Backend, timing: TimingOptions) {
      const a = randomTensor([s.m, s.k], 1);
      const b = randomTensor([s.k, s.n], 2);
      const { ms } = await measure(async () => {
        const c = backend.matmul(a, b);
        await backend.download([c]);
        c.dispose();
      }, timing);
      return { ms, gflops: gflops(flops, ms) };
    },
    async tfjs(tf: Tf, timing: TimingOptions) {
      const a = tf.tensor2d(randomValues(s.m * s.k, 1), [s.m, s.k]);
      const b = tf.tensor2d(randomValues(s.k * s.n, 2), [s.k, s.n]);
      const { ms } = await measure(async () => {
        const c = tf.matMul(a, b);
        await c.data();
        c.dispose();
      }, timing);
      tf.dispose([a, b]);
      return { ms, gflops: gflops(flops, ms) };
    },
  };
}

export const matmulBenchmark: Benchmark = {
  name: 'matmul',
  title: 'matmul: C = A B, float32, M x K x N (result downloaded each call)',
  columns: [
    { key: 'ms', label: 'ms' },
    { key: 'gflops', label: 'GFLOPS', throughput: true },
  ],
  cases: (quick) => (quick ? QUICK : FULL).map(matmulCase),
};
