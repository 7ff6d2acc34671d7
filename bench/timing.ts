import type { TimingOptions } from './types';

export interface Timing {
  /** Median milliseconds per call. */
  ms: number;
  /** Calls per timed sample (more than one for fast operations). */
  inner: number;
  /** Timed samples taken. */
  samples: number;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * Times `run`, which must finish its work before resolving (a GPU result downloaded). Warm-up runs
 * come first; the last of them sizes the samples: a fast call is repeated within a sample to last
 * minSampleMs, and a slow one gets fewer samples to stay within budgetMs. Returns the median.
 */
export async function measure(run: () => Promise<unknown>, options: TimingOptions): Promise<Timing> {
  let last = 0;
  for (let i = 0; i < Math.max(1, options.warmup); i++) {
    const started = performance.now();
    await run();
    last = Math.max(performance.now() - started, 0.001);
    if (last > 1000) break;
  }
  const inner = Math.min(1000, Math.max(1, Math.ceil(options.minSampleMs / last)));
  const affordable = Math.floor(options.budgetMs / (last * inner));
  const repeats = Math.max(1, Math.min(options.repeats, affordable));
  const samples: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const started = performance.now();
    for (let i = 0; i < inner; i++) await run();
    samples.push((performance.now() - started) / inner);
  }
  return { ms: median(samples), inner, samples: repeats };
}

/** Billions of floating-point operations per second. */
export function gflops(flops: number, ms: number): number {
  return flops / (ms * 1e6);
}
