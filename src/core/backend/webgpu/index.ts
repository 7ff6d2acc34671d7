import type { Backend } from '../backend';
import { binaryCrossEntropy, binaryCrossEntropyGrad } from './binary-cross-entropy';
import { channelAffine, channelSums } from './channels';
import { col2im } from './col2im';
import { concat, split } from './concat';
import { GpuContext } from './context';
import { add, addRowVector, assign, axpy, countNonFinite, mul, scale, sub } from './elementwise';
import { im2col } from './im2col';
import { localResponseNorm, localResponseNormBackward } from './local-response-norm';
import { logSoftmax } from './log-softmax';
import { matmul } from './matmul';
import { maxLastAxis, maxLastAxisBackward } from './max-last-axis';
import { moments, normalize, normalizeBackward } from './normalize';
import { applyUpdates } from './optimizer-update';
import { sum, sumColumns } from './reduce';
import { softmax, softmaxBackward } from './softmax';
import { transpose } from './transpose';
import { unary, unaryDerivative } from './unary';

export { DeviceLostError, GpuContext } from './context';

/** What the host says about the adapter it picked, for the status bar. */
export interface AdapterSummary {
  vendor: string;
  architecture: string;
  device: string;
  description: string;
  /** A software adapter (SwiftShader): correct, but slower than the CPU backend for most models. */
  fallback: boolean;
}

export function describeAdapter(a: AdapterSummary): string {
  const parts = [a.vendor, a.architecture, a.device].filter((s) => s && s.length > 0);
  const name = parts.length ? parts.join(' ') : a.description || 'unknown adapter';
  return `WebGPU (${name}${a.fallback ? ', software' : ''})`;
}

/** A WebGPU backend on an injected device (core never requests an adapter itself). */
export interface WebGpuBackend extends Backend {
  readonly context: GpuContext;
  readonly adapter: AdapterSummary;
}

export function createWebGpuBackend(device: GPUDevice, adapter: AdapterSummary): WebGpuBackend {
  const ctx = new GpuContext(device);
  return {
    name: 'webgpu',
    description: describeAdapter(adapter),
    dtypes: ['float32'],
    context: ctx,
    adapter,
    download: (tensors) => ctx.download(tensors),
    countNonFinite: (x) => countNonFinite(ctx, x),
    assign: (target, value) => assign(ctx, target, value),
    matmul: (a, b, ta, tb) => matmul(ctx, a, b, ta, tb),
    addRowVector: (x, v) => addRowVector(ctx, x, v),
    sumColumns: (x) => sumColumns(ctx, x),
    sum: (x) => sum(ctx, x),
    add: (a, b) => add(ctx, a, b),
    sub: (a, b) => sub(ctx, a, b),
    mul: (a, b) => mul(ctx, a, b),
    scale: (x, s) => scale(ctx, x, s),
    axpy: (y, alpha, x) => axpy(ctx, y, alpha, x),
    unary: (op, x, alpha) => unary(ctx, op, x, alpha),
    unaryDerivative: (op, x, y, alpha) => unaryDerivative(ctx, op, x, y, alpha),
    softmax: (x) => softmax(ctx, x),
    softmaxBackward: (y, dy) => softmaxBackward(ctx, y, dy),
    logSoftmax: (x) => logSoftmax(ctx, x),
    binaryCrossEntropy: (a, y, eps) => binaryCrossEntropy(ctx, a, y, eps),
    binaryCrossEntropyGrad: (a, y, eps) => binaryCrossEntropyGrad(ctx, a, y, eps),
    im2col: (x, window, padValue) => im2col(ctx, x, window, padValue),
    col2im: (cols, shape, window) => col2im(ctx, cols, shape, window),
    transpose: (x, perm) => transpose(ctx, x, perm),
    maxLastAxis: (x) => maxLastAxis(ctx, x),
    maxLastAxisBackward: (x, dy) => maxLastAxisBackward(ctx, x, dy),
    channelSums: (x, view) => channelSums(ctx, x, view),
    channelAffine: (x, s, shift, view) => channelAffine(ctx, x, s, shift, view),
    moments: (x, view) => moments(ctx, x, view),
    normalize: (x, mean, variance, eps, view) => normalize(ctx, x, mean, variance, eps, view),
    normalizeBackward: (xHat, dxHat, variance, eps, view) => normalizeBackward(ctx, xHat, dxHat, variance, eps, view),
    localResponseNorm: (x, options, view) => localResponseNorm(ctx, x, options, view),
    localResponseNormBackward: (x, dy, options, view) => localResponseNormBackward(ctx, x, dy, options, view),
    concat: (xs, axis) => concat(ctx, xs, axis),
    split: (x, sizes, axis) => split(ctx, x, sizes, axis),
    applyUpdates: (rule, params, step) => applyUpdates(ctx, rule, params, step),
  };
}
