import { allocate, Tensor } from '../../tensor/tensor';

export function sum(x: Tensor): Tensor {
  let s = 0;
  for (let i = 0; i < x.data.length; i++) s += x.data[i];
  return Tensor.scalar(s, x.dtype);
}

export function sumColumns(x: Tensor): Tensor {
  if (x.shape.length !== 2) throw new Error(`sumColumns needs a rank-2 tensor, got [${x.shape}]`);
  const [m, n] = x.shape;
  const out = allocate(x.dtype, n);
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) out[j] += x.data[row + j];
  }
  return new Tensor([n], out);
}
