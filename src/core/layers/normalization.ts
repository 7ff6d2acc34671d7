import { z } from 'zod';
import type { Backend, ChannelView } from '../backend/backend';
import { formatShape, type Shape, sizeOf } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { type BackwardResult, type ForwardResult, type Params, ShapeError } from './kind';

/** A batch seen per channel: axis 1 is the channel, the batch before it, every spatial axis after it. */
export function channelViewOf(shape: Shape): ChannelView {
  return { outer: shape[0], channels: shape[1], inner: sizeOf(shape.slice(2)) };
}

export function checkHasChannels(label: string, shape: Shape): void {
  if (shape.length < 2) {
    throw new ShapeError(
      `${label} expects [batch, features] or [batch, channels, height, width], got ${formatShape(shape)}`,
    );
  }
}

/** What a normalising layer keeps for backward: the normalised input and the variance it divided by. */
export interface NormalizedCache {
  xHat: Tensor;
  variance: Tensor;
}

/** Normalises x with its own mean and (biased) variance, one pair per channel of the view. */
export function normalizeWithMoments(b: Backend, x: Tensor, view: ChannelView, epsilon: number): NormalizedCache {
  const { mean, variance } = b.moments(x, view);
  return { xHat: b.normalize(x, mean, variance, epsilon, view), variance };
}

/**
 * How a normalisation that always uses the input's own statistics (layer, group) sees its input:
 * the groups its statistics run over, and the channels gamma and beta apply per.
 */
export interface NormViews {
  statistics: ChannelView;
  affine: ChannelView;
}

/** Forward of such a normalisation: normalise over views.statistics, then scale and shift over views.affine. */
export function ownStatisticsForward(
  b: Backend,
  x: Tensor,
  params: Params,
  epsilon: number,
  views: NormViews,
): ForwardResult & { cache: NormalizedCache } {
  const cache = normalizeWithMoments(b, x, views.statistics, epsilon);
  return { output: scaleAndShift(b, cache.xHat, params, views.affine), cache };
}

/** Backward of ownStatisticsForward, recomputing the normalisation when no cache is given. */
export function ownStatisticsBackward(
  b: Backend,
  x: Tensor,
  params: Params,
  dy: Tensor,
  cache: unknown,
  epsilon: number,
  views: NormViews,
): BackwardResult {
  const { xHat, variance } =
    (cache as NormalizedCache | undefined) ?? normalizeWithMoments(b, x, views.statistics, epsilon);
  const { dGamma, dBeta, dxHat } = scaleAndShiftBackward(b, xHat, dy, params, views.affine);
  const dx = b.normalizeBackward(xHat, dxHat, variance, epsilon, views.statistics);
  return { dInputs: [dx], dParams: { gamma: dGamma, beta: dBeta } };
}

/** y = gamma * xHat + beta, gamma and beta per channel of the view. */
export function scaleAndShift(b: Backend, xHat: Tensor, params: Params, view: ChannelView): Tensor {
  return b.channelAffine(xHat, params.gamma, params.beta, view);
}

/** dE/dgamma, dE/dbeta and dE/dxHat of scaleAndShift. */
export function scaleAndShiftBackward(
  b: Backend,
  xHat: Tensor,
  dy: Tensor,
  params: Params,
  view: ChannelView,
): { dGamma: Tensor; dBeta: Tensor; dxHat: Tensor } {
  return {
    dGamma: b.channelSums(b.mul(dy, xHat), view).reshape(params.gamma.shape),
    dBeta: b.channelSums(dy, view).reshape(params.beta.shape),
    dxHat: b.channelAffine(dy, params.gamma, undefined, view),
  };
}

export const epsilonSchema = z
  .number()
  .positive()
  .default(1e-5)
  .describe('epsilon: added to the variance before the square root, so a constant input does not divide by 0.');

/** A config number for a formula: float noise rounded off, powers of ten written as such. */
export function latexNumber(value: number): string {
  const text = String(Number(value.toPrecision(12)));
  const [mantissa, exponent] = text.split('e');
  if (exponent === undefined) return text;
  const power = `10^{${Number(exponent)}}`;
  return mantissa === '1' ? power : `${mantissa} \\times ${power}`;
}
