import type { Backend, ChannelView } from '../backend/backend';
import { Tensor } from '../tensor/tensor';

/**
 * Weight normalisation (Salimans and Kingma): w = g * v / ||v|| for each output unit, the norm
 * taken over that unit's incoming weights. The view names the unit axis: dense v [inputs, units]
 * is { outer: inputs, channels: units, inner: 1 }; conv v [out, in, kH, kW] is
 * { outer: 1, channels: out, inner: in * kH * kW }.
 */
export interface WeightNormed {
  weight: Tensor;
  /** v / ||v||, per unit. */
  direction: Tensor;
  /** ||v||^2 per unit. */
  squaredNorms: Tensor;
}

// Dividing by ||v|| is normalising around 0 with ||v||^2 as the "variance" and no epsilon.
function divideByNorm(b: Backend, t: Tensor, squaredNorms: Tensor, view: ChannelView): Tensor {
  return b.normalize(t, Tensor.zeros(squaredNorms.shape, squaredNorms.dtype), squaredNorms, 0, view);
}

export function weightNormForward(b: Backend, v: Tensor, g: Tensor, view: ChannelView): WeightNormed {
  const squaredNorms = b.channelSums(b.mul(v, v), view);
  const direction = divideByNorm(b, v, squaredNorms, view);
  return { weight: b.channelAffine(direction, g, undefined, view), direction, squaredNorms };
}

/**
 * From dE/dw: dE/dg = sum(dE/dw * v / ||v||) per unit, and
 * dE/dv = (g / ||v||) (dE/dw - dE/dg * v / ||v||), the part of dE/dw along v removed.
 */
export function weightNormBackward(
  b: Backend,
  normed: WeightNormed,
  g: Tensor,
  dWeight: Tensor,
  view: ChannelView,
): { dv: Tensor; dg: Tensor } {
  const dg = b.channelSums(b.mul(dWeight, normed.direction), view).reshape(g.shape);
  const alongV = b.channelAffine(normed.direction, b.mul(g, dg), undefined, view);
  const dv = divideByNorm(b, b.sub(b.channelAffine(dWeight, g, undefined, view), alongV), normed.squaredNorms, view);
  return { dv, dg };
}

const directionTex = '\\frac{v_{\\cdot j}}{\\lVert v_{\\cdot j} \\rVert}';
const dWeightTex = '\\frac{\\partial E}{\\partial w_{\\cdot j}}';
const dGainTex = '\\frac{\\partial E}{\\partial g_j}';

/** For unit (column) j; a conv layer reads j as the output channel. */
export const weightNormFormula = {
  forward: `w_{\\cdot j} = g_j ${directionTex}`,
  backward:
    `${dGainTex} = ${dWeightTex} \\cdot ${directionTex},\\quad ` +
    '\\frac{\\partial E}{\\partial v_{\\cdot j}} = \\frac{g_j}{\\lVert v_{\\cdot j} \\rVert}' +
    `\\Big(${dWeightTex} - ${dGainTex} ${directionTex}\\Big)`,
};
