import type { Tensor } from '../tensor/tensor';

/** Element-wise functions a backend evaluates, with their derivatives. */
export type UnaryOp = 'identity' | 'step' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'softplus';

/**
 * The kernels every backend provides. Layers and losses are written against this interface
 * only, so a new backend (WebGPU, WASM-SIMD) is a new implementation of these few functions.
 * Every function returns a new tensor of its inputs' dtype, except axpy, which updates in place.
 */
export interface Backend {
  readonly name: string;
  /** C = op(A) op(B) for rank-2 tensors, op being an optional transpose. */
  matmul(a: Tensor, b: Tensor, transposeA?: boolean, transposeB?: boolean): Tensor;
  /** x [M, N] + v [N], v added to every row. */
  addRowVector(x: Tensor, v: Tensor): Tensor;
  /** [M, N] -> [N]: the sum of each column. */
  sumColumns(x: Tensor): Tensor;
  /** The sum of all values, as a rank-0 tensor. */
  sum(x: Tensor): Tensor;
  add(a: Tensor, b: Tensor): Tensor;
  sub(a: Tensor, b: Tensor): Tensor;
  mul(a: Tensor, b: Tensor): Tensor;
  scale(x: Tensor, s: number): Tensor;
  /** y <- y + alpha x, in place (optimizer updates, gradient accumulation). */
  axpy(y: Tensor, alpha: number, x: Tensor): void;
  /** f(x) element-wise; alpha is the leaky ReLU slope and is ignored by the other ops. */
  unary(op: UnaryOp, x: Tensor, alpha: number): Tensor;
  /** f'(x) element-wise, given x and y = f(x) (whichever is cheaper to use). */
  unaryDerivative(op: UnaryOp, x: Tensor, y: Tensor, alpha: number): Tensor;
  /** Softmax along the last axis, computed stably (the row maximum subtracted first). */
  softmax(x: Tensor): Tensor;
  /** dL/dx of softmax along the last axis, given y = softmax(x) and dL/dy: y * (dy - sum(dy * y)). */
  softmaxBackward(y: Tensor, dy: Tensor): Tensor;
}
