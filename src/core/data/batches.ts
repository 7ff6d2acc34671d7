import type { Tensor } from '../tensor/tensor';
import { Rng } from '../train/rng';
import { deriveSeed } from '../train/seeds';
import { type Dataset, sampleCount, takeRows } from './dataset';

/** A permutation of 0..n-1 (Fisher-Yates) drawn from the seed. */
export function shuffledIndices(n: number, seed: number): Uint32Array {
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  const rng = new Rng(seed);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    const tmp = order[i];
    order[i] = order[j];
    order[j] = tmp;
  }
  return order;
}

/** The order of one epoch's samples: a fresh shuffle per epoch, reproducible from the seed and the epoch alone. */
export function epochOrder(n: number, seed: number, epoch: number, shuffle = true): Uint32Array {
  if (!shuffle) return Uint32Array.from({ length: n }, (_, i) => i);
  return shuffledIndices(n, deriveSeed(seed, epoch));
}

/** Samples per update: a number (1 is online learning), or 'full' for the whole dataset. */
export type BatchSize = number | 'full';

export function resolveBatchSize(batchSize: BatchSize, n: number): number {
  if (batchSize === 'full') return n;
  if (!Number.isInteger(batchSize) || batchSize < 1)
    throw new Error(`batch size must be a whole number >= 1, got ${batchSize}`);
  return Math.min(batchSize, n);
}

export function batchesPerEpoch(n: number, batchSize: BatchSize): number {
  return n === 0 ? 0 : Math.ceil(n / resolveBatchSize(batchSize, n));
}

export interface Batch {
  inputs: Tensor;
  targets: Tensor;
  /** Which samples of the dataset the batch holds. */
  indices: Uint32Array;
}

/** The batches of one epoch in the given order; the last one is smaller when the size does not divide N. */
export function* batches(ds: Dataset, batchSize: BatchSize, order: Uint32Array): Generator<Batch> {
  const n = sampleCount(ds);
  const size = resolveBatchSize(batchSize, n);
  for (let start = 0; start < n; start += size) {
    const indices = order.subarray(start, Math.min(n, start + size));
    yield { inputs: takeRows(ds.inputs, indices), targets: takeRows(ds.targets, indices), indices };
  }
}
