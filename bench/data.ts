import type { Shape } from '../src/core/tensor/shape';
import { Tensor } from '../src/core/tensor/tensor';
import { Rng } from '../src/core/train/rng';

/** Seeded uniform values in [-1, 1): the same inputs for our backends and the peer. */
export function randomValues(size: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const values = new Float32Array(size);
  for (let i = 0; i < size; i++) values[i] = rng.uniform(-1, 1);
  return values;
}

export function randomTensor(shape: Shape, seed: number): Tensor {
  const size = shape.reduce((a, b) => a * b, 1);
  return new Tensor(shape, randomValues(size, seed));
}

/** One-hot rows [n, classes] with seeded classes. */
export function randomOneHot(n: number, classes: number, seed: number): Float32Array {
  const rng = new Rng(seed);
  const values = new Float32Array(n * classes);
  for (let i = 0; i < n; i++) values[i * classes + Math.floor(rng.next() * classes)] = 1;
  return values;
}
