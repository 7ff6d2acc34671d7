import { allocate, Tensor } from '../../tensor/tensor';

/** ln softmax(x) along the last axis: subtracting the row maximum keeps exp from overflowing. */
export function logSoftmax(x: Tensor): Tensor {
  const n = x.shape.length === 0 ? 1 : x.shape[x.shape.length - 1];
  const out = allocate(x.dtype, x.size);
  for (let row = 0; row < x.size; row += n) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) max = Math.max(max, x.data[row + j]);
    let total = 0;
    for (let j = 0; j < n; j++) total += Math.exp(x.data[row + j] - max);
    const logTotal = Math.log(total);
    for (let j = 0; j < n; j++) out[row + j] = x.data[row + j] - max - logTotal;
  }
  return new Tensor(x.shape, out);
}
