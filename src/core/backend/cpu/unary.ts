import { allocate, Tensor } from '../../tensor/tensor';
import type { UnaryOp } from '../backend';

// Branching on the sign keeps exp from overflowing for large |x|.
function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

const forwardFns: Record<UnaryOp, (x: number, alpha: number) => number> = {
  identity: (x) => x,
  step: (x) => (x > 0 ? 1 : 0),
  sigmoid,
  tanh: Math.tanh,
  relu: (x) => Math.max(x, 0),
  leaky_relu: (x, a) => (x > 0 ? x : a * x),
  softplus,
};

// At x = 0, ReLU takes 0 and leaky ReLU takes alpha, as TensorFlow and PyTorch do.
const derivativeFns: Record<UnaryOp, (x: number, y: number, alpha: number) => number> = {
  identity: () => 1,
  step: () => 0,
  sigmoid: (_x, y) => y * (1 - y),
  tanh: (_x, y) => 1 - y * y,
  relu: (x) => (x > 0 ? 1 : 0),
  leaky_relu: (x, _y, a) => (x > 0 ? 1 : a),
  softplus: (x) => sigmoid(x),
};

export function unary(op: UnaryOp, x: Tensor, alpha: number): Tensor {
  const f = forwardFns[op];
  const out = allocate(x.dtype, x.size);
  for (let i = 0; i < out.length; i++) out[i] = f(x.data[i], alpha);
  return new Tensor(x.shape, out);
}

export function unaryDerivative(op: UnaryOp, x: Tensor, y: Tensor, alpha: number): Tensor {
  const d = derivativeFns[op];
  const out = allocate(x.dtype, x.size);
  for (let i = 0; i < out.length; i++) out[i] = d(x.data[i], y.data[i], alpha);
  return new Tensor(x.shape, out);
}
