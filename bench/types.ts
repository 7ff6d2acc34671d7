import type * as tfc from '@tensorflow/tfjs-core';
import type { Backend } from '../src/core/backend/backend';

/** The TensorFlow.js core module, the peer every benchmark is compared with. */
export type Tf = typeof tfc;

/** Which kind of hardware runs it: a ratio is only printed between entrants of the same class. */
export type DeviceClass = 'cpu' | 'gpu';

/** One thing being timed: one of our backends, or a TensorFlow.js backend as the peer. */
export type Entrant =
  | { kind: 'ours'; name: string; device: DeviceClass; description: string; backend: Backend }
  | { kind: 'tfjs'; name: string; device: DeviceClass; description: string; tf: Tf; tfBackend: string };

export interface TimingOptions {
  /** Untimed runs first (pipeline compilation, JIT, buffer pools); only one for a call slower than a second. */
  warmup: number;
  /** Timed samples at most; the median is reported. */
  repeats: number;
  /** Fewer samples (at least one) where `repeats` of them would take longer than this. */
  budgetMs: number;
  /** A sample repeats a fast operation until it lasts about this long, so the clock's resolution does not matter. */
  minSampleMs: number;
}

/** A benchmark's numbers for one case on one entrant, by column key. */
export type Metrics = Record<string, number>;

export interface Column {
  key: string;
  label: string;
  /** A throughput (higher is better): the ours/tfjs ratio is printed for it. */
  throughput?: boolean;
}

/** One shape or model of a benchmark, runnable on either kind of entrant. */
export interface BenchCase {
  label: string;
  ours(backend: Backend, timing: TimingOptions): Promise<Metrics>;
  tfjs(tf: Tf, timing: TimingOptions): Promise<Metrics>;
}

export interface Benchmark {
  name: string;
  title: string;
  /** How the numbers were obtained, printed under the table. */
  note?: string;
  columns: Column[];
  cases(quick: boolean): BenchCase[];
}

export interface Row {
  benchmark: string;
  case: string;
  entrant: string;
  device: DeviceClass;
  peer: boolean;
  metrics: Metrics;
  /** ours / tfjs on the same device class, per throughput column (higher: ours is faster). */
  ratios: Metrics;
  error?: string;
}
