import type { Shape } from '../tensor/shape';
import type { DType, Tensor } from '../tensor/tensor';

/** Element-wise functions a backend evaluates, with their derivatives. */
export type UnaryOp = 'identity' | 'step' | 'sigmoid' | 'tanh' | 'relu' | 'leaky_relu' | 'softplus';

/** A sliding window over the two spatial axes of an NCHW tensor; conv and pooling layers share it. */
export interface WindowGeometry {
  /** [kH, kW]. */
  kernel: readonly [number, number];
  /** [sH, sW]. */
  stride: readonly [number, number];
  /** Padding rows and columns before (top, left) and after (bottom, right); TF's "same" can put one more after. */
  padBefore: readonly [number, number];
  padAfter: readonly [number, number];
}

/**
 * A tensor seen as [outer, channels, inner] in row-major order, for per-channel kernels: every value
 * whose middle index is c belongs to channel c. [N, C, H, W] is { outer: N, channels: C, inner: H * W }.
 */
export interface ChannelView {
  outer: number;
  channels: number;
  inner: number;
}

/** Local response normalisation across channels, TensorFlow's definition (alpha not divided by the window). */
export interface LrnOptions {
  /** Channels on each side of c in its window: n / 2 rounded down. */
  radius: number;
  /** k. */
  bias: number;
  alpha: number;
  beta: number;
}

/**
 * An optimizer's update of one parameter element, for backends that keep parameters and optimizer
 * state on a device (Backend.applyUpdates). The host rule beside it in src/core/train is the
 * reference; this is the same formula in float32.
 */
export interface DeviceUpdateRule {
  /** Names the kernel: one key, one body (variants such as AMSGrad get their own key). */
  readonly key: string;
  /** State tensors per parameter, each of the parameter's size: the name the body uses and the starting value. */
  readonly state: readonly { readonly name: string; readonly initial: number }[];
  /** Scalars the body reads as p.<name> (f32), their values given per step. */
  readonly scalars: readonly string[];
  /**
   * WGSL statements for one element: update `w` (var f32) and each state variable (var f32) from
   * `g` (f32, the gradient after penalties and clipping).
   */
  readonly wgsl: string;
}

/** One parameter in a device update. */
export interface DeviceParamUpdate {
  /** float32, updated in place. */
  readonly w: Tensor;
  readonly g: Tensor;
  /** The rule's state tensors in rule.state order, updated in place. */
  readonly state: readonly Tensor[];
  /** Penalties and max-norm apply to weights only, not to biases or per-channel scales (train/regularization.ts). */
  readonly weight: boolean;
}

/** One step's scalar values (rule.scalars by name) and what surrounds the rule, as train/regularization.ts defines it. */
export interface DeviceUpdateStep {
  readonly scalars: Readonly<Record<string, number>>;
  readonly l1?: number;
  readonly l2?: number;
  readonly clipValue?: number;
  readonly clipNorm?: number;
  readonly maxNorm?: number;
}

/**
 * The kernels every backend provides. Layers and losses are written against this interface
 * only, so a new backend (WebGPU, WASM-SIMD) is a new implementation of these few functions.
 * Every function returns a new tensor of its inputs' dtype, except axpy, which updates in place.
 */
export interface Backend {
  readonly name: string;
  /** What runs it, for the status bar and logs: "CPU (JavaScript)", or the GPU adapter's vendor and device. */
  readonly description: string;
  /** The element types its kernels take (WebGPU has no float64). */
  readonly dtypes: readonly DType[];
  /**
   * Makes `data` readable on every given tensor, in one round trip for all of them. Kernels may
   * leave their results on a device; host code downloads what it reads. The CPU backend has
   * nothing to do.
   */
  download(tensors: readonly Tensor[]): Promise<void>;
  /** The number of NaN and infinite values in x, as a rank-0 tensor (checks without downloading x). */
  countNonFinite(x: Tensor): Tensor;
  /** target <- value in place (same shape); running statistics kept as parameters. */
  assign(target: Tensor, value: Tensor): void;
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
  /** ln(softmax(x)) along the last axis as x - max - ln(sum(e^(x - max))): finite for every finite x. */
  logSoftmax(x: Tensor): Tensor;
  /** Element-wise -[y ln a + (1 - y) ln(1 - a)] with a clipped to [epsilon, 1 - epsilon] (in a's dtype) first. */
  binaryCrossEntropy(a: Tensor, y: Tensor, epsilon: number): Tensor;
  /** Its derivative in a, (a - y) / (a (1 - a)) at the clipped a; 0 where a lies outside the clip range. */
  binaryCrossEntropyGrad(a: Tensor, y: Tensor, epsilon: number): Tensor;
  // Convolution and pooling: windows unrolled to rows (im2col) so conv is a matmul; col2im is its adjoint.
  /** x [N, C, H, W] -> [N * outH * outW, C * kH * kW]: each output position's window as a row; padding reads padValue. */
  im2col(x: Tensor, window: WindowGeometry, padValue: number): Tensor;
  /** The adjoint of im2col: each value added back where it was read from (padding dropped), giving inputShape. */
  col2im(cols: Tensor, inputShape: Shape, window: WindowGeometry): Tensor;
  /** Axes reordered: output axis a is input axis perm[a]. */
  transpose(x: Tensor, perm: readonly number[]): Tensor;
  /** [..., n] -> [...]: the largest value along the last axis. */
  maxLastAxis(x: Tensor): Tensor;
  /** dL/dx of maxLastAxis: each row's dy goes to its first maximum, zeros elsewhere. */
  maxLastAxisBackward(x: Tensor, dy: Tensor): Tensor;
  // Normalisation: statistics and scales per channel of a ChannelView.
  /** [channels]: each channel's sum over outer and inner. */
  channelSums(x: Tensor, view: ChannelView): Tensor;
  /** x * scale[c] + shift[c] for every value of channel c (no shift: + 0). */
  channelAffine(x: Tensor, scale: Tensor, shift: Tensor | undefined, view: ChannelView): Tensor;
  /** Each channel's mean and biased variance over outer and inner, each [channels]. */
  moments(x: Tensor, view: ChannelView): { mean: Tensor; variance: Tensor };
  /** (x - mean[c]) / sqrt(variance[c] + epsilon). */
  normalize(x: Tensor, mean: Tensor, variance: Tensor, epsilon: number, view: ChannelView): Tensor;
  /** dL/dx of xHat = normalize(x, moments(x)) given dL/dxHat, the statistics depending on x as well. */
  normalizeBackward(xHat: Tensor, dxHat: Tensor, variance: Tensor, epsilon: number, view: ChannelView): Tensor;
  /** b_c = a_c / (k + alpha * sum of a_j^2 for |j - c| <= radius)^beta at every outer and inner position. */
  localResponseNorm(x: Tensor, options: LrnOptions, view: ChannelView): Tensor;
  localResponseNormBackward(x: Tensor, dy: Tensor, options: LrnOptions, view: ChannelView): Tensor;
  /**
   * Optional: one optimizer step on the device for every given parameter, in Keras's order: penalties
   * added to each gradient, clipValue, the global clipNorm over all of them, the rule, then max-norm.
   * A backend without it leaves optimizers on the host (the CPU backend: its host path is the reference).
   */
  applyUpdates?(rule: DeviceUpdateRule, params: readonly DeviceParamUpdate[], step: DeviceUpdateStep): void;
  /** Tensors equal in every axis but `axis`, joined along it. */
  concat(xs: Tensor[], axis: number): Tensor;
  /** The inverse of concat: consecutive pieces of the given sizes along `axis`. */
  split(x: Tensor, sizes: readonly number[], axis: number): Tensor[];
}
