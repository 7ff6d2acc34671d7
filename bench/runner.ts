import { cpus } from 'node:os';
import { conv2dBenchmark } from './conv2d';
import { type BackendChoice, openEntrants } from './entrants';
import { matmulBenchmark } from './matmul';
import { formatTable } from './table';
import { trainLenetBenchmark } from './train-lenet';
import { trainMlpBenchmark } from './train-mlp';
import type { BenchCase, Benchmark, Column, DeviceClass, Entrant, Row, TimingOptions } from './types';

export type { BackendChoice } from './entrants';

export const BENCHMARKS: readonly Benchmark[] = [
  matmulBenchmark,
  conv2dBenchmark,
  trainMlpBenchmark,
  trainLenetBenchmark,
];

export interface BenchOptions {
  /** Fewer cases and repeats: a smoke run for CI. */
  quick?: boolean;
  backend?: BackendChoice;
  /** Benchmark names to run (all when absent). */
  only?: readonly string[];
  /** Where the tables and notes go; console.log by default. */
  log?: (line: string) => void;
}

export interface BenchReport {
  date: string;
  quick: boolean;
  timing: TimingOptions;
  machine: { node: string; cpu: string; cores: number };
  entrants: { name: string; kind: 'ours' | 'tfjs'; device: DeviceClass; description: string }[];
  benchmarks: { name: string; title: string; note?: string; columns: Column[]; rows: Row[] }[];
}

export const QUICK_TIMING: TimingOptions = { warmup: 1, repeats: 3, minSampleMs: 5, budgetMs: 2_000 };
export const FULL_TIMING: TimingOptions = { warmup: 3, repeats: 7, minSampleMs: 30, budgetMs: 15_000 };

/** Runs the benchmarks on every entrant, printing each table as it completes. */
export async function runBench(options: BenchOptions = {}): Promise<BenchReport> {
  const log = options.log ?? ((line: string) => console.log(line));
  const quick = options.quick ?? false;
  const timing = quick ? QUICK_TIMING : FULL_TIMING;
  const selected = options.only?.length ? BENCHMARKS.filter((b) => options.only?.includes(b.name)) : BENCHMARKS;
  if (options.only?.length && selected.length !== options.only.length) {
    throw new Error(
      `unknown benchmark in ${options.only.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`,
    );
  }
  const entrants = await openEntrants(options.backend ?? 'all', log);
  const cpu = cpus();
  const report: BenchReport = {
    date: new Date().toISOString(),
    quick,
    timing,
    machine: { node: process.version, cpu: cpu[0]?.model ?? 'unknown', cores: cpu.length },
    entrants: entrants.map(({ name, kind, device, description }) => ({ name, kind, device, description })),
    benchmarks: [],
  };
  log(
    `Backprop Studio benchmarks${quick ? ' (quick)' : ''}: Node ${process.version}, ${cpu.length} x ${report.machine.cpu}`,
  );
  for (const e of report.entrants) log(`  ${e.name.padEnd(12)} ${e.description}`);
  log(
    `Times: the median of up to ${timing.repeats} samples (fewer where they would take over ${timing.budgetMs / 1000} s) ` +
      `after ${timing.warmup} warm-up run(s) (one for calls over a second); a sample repeats a fast call to last ` +
      `${timing.minSampleMs} ms. ours/tfjs: our throughput over TensorFlow.js's on the same device class (above 1: ours is faster).`,
  );
  for (const benchmark of selected) {
    const rows: Row[] = [];
    for (const c of benchmark.cases(quick)) {
      for (const entrant of entrants)
        rows.push(await runCase(benchmark, c.label, entrant, () => run(c, entrant, timing)));
    }
    addRatios(benchmark, rows);
    const { name, title, note, columns } = benchmark;
    report.benchmarks.push({ name, title, note, columns, rows });
    log('');
    log(formatTable(benchmark, rows));
  }
  return report;
}

function run(c: BenchCase, entrant: Entrant, timing: TimingOptions) {
  if (entrant.kind === 'ours') return c.ours(entrant.backend, timing);
  const { tf, tfBackend } = entrant;
  return tf.setBackend(tfBackend).then(() => c.tfjs(tf, timing));
}

async function runCase(
  benchmark: Benchmark,
  label: string,
  entrant: Entrant,
  measure: () => Promise<Row['metrics']>,
): Promise<Row> {
  const row: Row = {
    benchmark: benchmark.name,
    case: label,
    entrant: entrant.name,
    device: entrant.device,
    peer: entrant.kind === 'tfjs',
    metrics: {},
    ratios: {},
  };
  try {
    row.metrics = await measure();
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    row.error = message.split('\n')[0].slice(0, 160);
  }
  return row;
}

/** ours/tfjs per throughput column, against the peer row of the same case and device class. */
function addRatios(benchmark: Benchmark, rows: Row[]): void {
  for (const row of rows) {
    if (row.peer || row.error) continue;
    const peer = rows.find((r) => r.peer && !r.error && r.case === row.case && r.device === row.device);
    if (!peer) continue;
    for (const column of benchmark.columns) {
      if (column.throughput) row.ratios[column.key] = row.metrics[column.key] / peer.metrics[column.key];
    }
  }
}
