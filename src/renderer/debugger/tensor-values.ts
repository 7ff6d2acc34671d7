import { Tensor } from '../../core/tensor/tensor';
import type { TensorValues } from '../../protocol/results';

/** A tensor's values flat, row-major, with its shape: what tables, heatmaps and formulas index. */
export interface FlatTensor {
  shape: number[];
  data: Float64Array;
}

// Step records are immutable once they arrive, so each tensor is flattened once.
const cache = new WeakMap<object, FlatTensor>();

export function flat(values: TensorValues): FlatTensor {
  if (typeof values === 'number') return { shape: [], data: Float64Array.of(values) };
  const hit = cache.get(values);
  if (hit) return hit;
  const t = Tensor.fromNested(values, 'float64');
  const result = { shape: [...t.shape], data: t.data as Float64Array };
  cache.set(values, result);
  return result;
}

/** The value at a full index (one number per axis). */
export function valueAt(tensor: FlatTensor, index: readonly number[]): number {
  let offset = 0;
  for (let axis = 0; axis < tensor.shape.length; axis++) offset = offset * tensor.shape[axis] + index[axis];
  return tensor.data[offset];
}

/** Rows and columns a 2-D view of the tensor has: the last axis across, everything else down. */
export function matrixView(tensor: FlatTensor): { rows: number; cols: number } {
  const { shape } = tensor;
  if (shape.length === 0) return { rows: 1, cols: 1 };
  const cols = shape[shape.length - 1];
  return { rows: cols === 0 ? 0 : tensor.data.length / cols, cols };
}
