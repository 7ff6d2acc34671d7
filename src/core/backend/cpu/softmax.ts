import { allocate, Tensor } from '../../tensor/tensor';

function lastAxis(x: Tensor): number {
  return x.shape.length === 0 ? 1 : x.shape[x.shape.length - 1];
}

export function softmax(x: Tensor): Tensor {
  const n = lastAxis(x);
  const out = allocate(x.dtype, x.size);
  for (let row = 0; row < x.size; row += n) {
    let max = Number.NEGATIVE_INFINITY;
    for (let j = 0; j < n; j++) max = Math.max(max, x.data[row + j]);
    let total = 0;
    for (let j = 0; j < n; j++) {
      const e = Math.exp(x.data[row + j] - max);
      out[row + j] = e;
      total += e;
    }
    for (let j = 0; j < n; j++) out[row + j] /= total;
  }
  return new Tensor(x.shape, out);
}

export function softmaxBackward(y: Tensor, dy: Tensor): Tensor {
  const n = lastAxis(y);
  const out = allocate(y.dtype, y.size);
  for (let row = 0; row < y.size; row += n) {
    let dot = 0;
    for (let j = 0; j < n; j++) dot += dy.data[row + j] * y.data[row + j];
    for (let j = 0; j < n; j++) out[row + j] = y.data[row + j] * (dy.data[row + j] - dot);
  }
  return new Tensor(y.shape, out);
}
