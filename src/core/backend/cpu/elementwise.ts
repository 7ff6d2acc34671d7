import { formatShape } from '../../tensor/shape';
import { allocate, Tensor } from '../../tensor/tensor';

function checkSameSize(op: string, a: Tensor, b: Tensor): void {
  if (!a.sameShapeAs(b)) {
    throw new Error(`${op}: shapes differ, ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
  }
}

export function add(a: Tensor, b: Tensor): Tensor {
  checkSameSize('add', a, b);
  const out = allocate(a.dtype, a.size);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] + b.data[i];
  return new Tensor(a.shape, out);
}

export function sub(a: Tensor, b: Tensor): Tensor {
  checkSameSize('sub', a, b);
  const out = allocate(a.dtype, a.size);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] - b.data[i];
  return new Tensor(a.shape, out);
}

export function mul(a: Tensor, b: Tensor): Tensor {
  checkSameSize('mul', a, b);
  const out = allocate(a.dtype, a.size);
  for (let i = 0; i < out.length; i++) out[i] = a.data[i] * b.data[i];
  return new Tensor(a.shape, out);
}

export function scale(x: Tensor, s: number): Tensor {
  const out = allocate(x.dtype, x.size);
  for (let i = 0; i < out.length; i++) out[i] = x.data[i] * s;
  return new Tensor(x.shape, out);
}

export function axpy(y: Tensor, alpha: number, x: Tensor): void {
  if (y.size !== x.size) throw new Error(`axpy: sizes differ, ${y.size} and ${x.size}`);
  const Y = y.data;
  const X = x.data;
  for (let i = 0; i < Y.length; i++) Y[i] += alpha * X[i];
  y.touch();
}

export function assign(target: Tensor, value: Tensor): void {
  checkSameSize('assign', target, value);
  target.data.set(value.data);
  target.touch();
}

export function countNonFinite(x: Tensor): Tensor {
  const X = x.data;
  let count = 0;
  for (let i = 0; i < X.length; i++) if (!Number.isFinite(X[i])) count++;
  return Tensor.scalar(count, x.dtype);
}

export function addRowVector(x: Tensor, v: Tensor): Tensor {
  const n = v.size;
  if (x.shape.length !== 2 || x.shape[1] !== n) {
    throw new Error(`addRowVector: ${formatShape(x.shape)} rows do not have ${n} columns`);
  }
  const out = allocate(x.dtype, x.size);
  const m = x.shape[0];
  for (let i = 0; i < m; i++) {
    const row = i * n;
    for (let j = 0; j < n; j++) out[row + j] = x.data[row + j] + v.data[j];
  }
  return new Tensor(x.shape, out);
}
