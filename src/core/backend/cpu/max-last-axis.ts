import { allocate, Tensor } from '../../tensor/tensor';

function rowLength(op: string, x: Tensor): number {
  if (x.shape.length === 0) throw new Error(`${op} needs a tensor of rank 1 or more`);
  return x.shape[x.shape.length - 1];
}

/** [..., n] -> [...]: the largest value of each row along the last axis. */
export function maxLastAxis(x: Tensor): Tensor {
  const n = rowLength('maxLastAxis', x);
  const rows = n === 0 ? 0 : x.size / n;
  const out = allocate(x.dtype, rows);
  const X = x.data;
  for (let r = 0; r < rows; r++) {
    const start = r * n;
    let max = X[start];
    for (let j = 1; j < n; j++) if (X[start + j] > max) max = X[start + j];
    out[r] = max;
  }
  return new Tensor(x.shape.slice(0, -1), out);
}

/** dL/dx of maxLastAxis: each row's dy goes to the row's first maximum (as TF and PyTorch break ties). */
export function maxLastAxisBackward(x: Tensor, dy: Tensor): Tensor {
  const n = rowLength('maxLastAxisBackward', x);
  const rows = n === 0 ? 0 : x.size / n;
  if (dy.size !== rows) throw new Error(`maxLastAxisBackward: dy has ${dy.size} values for ${rows} rows`);
  const out = allocate(x.dtype, x.size);
  const X = x.data;
  for (let r = 0; r < rows; r++) {
    const start = r * n;
    let at = start;
    for (let j = 1; j < n; j++) if (X[start + j] > X[at]) at = start + j;
    out[at] = dy.data[r];
  }
  return new Tensor(x.shape, out);
}
