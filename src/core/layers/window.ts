import { z } from 'zod';
import type { WindowGeometry } from '../backend/backend';
import { formatShape, type Shape } from '../tensor/shape';
import { ShapeError } from './kind';

/** One number for both spatial axes, or [height, width]. */
export const spatialPair = z.union([z.int().min(1), z.tuple([z.int().min(1), z.int().min(1)])]);
export type SpatialPair = z.infer<typeof spatialPair>;

export const paddingSpec = z.union([
  z.int().min(0),
  z.tuple([z.int().min(0), z.int().min(0)]),
  z.enum(['valid', 'same']),
]);
export type PaddingSpec = z.infer<typeof paddingSpec>;

const paddingModes =
  'P on every side, [pH, pW], "valid" (none) or "same" ' +
  '(as TensorFlow: out = ceil(in / stride), any odd extra row or column added at the bottom or right).';

export const paddingDescription = `Zeros added around the input: ${paddingModes}`;

export const poolPaddingDescription =
  `Padding around the input, at most half the window: ${paddingModes} ` +
  'Max pooling never picks it; average pooling counts it as zeros and still divides by the full window.';

export function pairOf(value: SpatialPair): [number, number] {
  return typeof value === 'number' ? [value, value] : [value[0], value[1]];
}

/** One spatial axis of a sliding window: the textbook W2 = (W1 - F + 2P) / S + 1, floored as frameworks do. */
export interface OutputSize {
  /** The number of window positions; 0 when the kernel does not fit the padded input. */
  size: number;
  /** (W1 - F + 2P) / S is a whole number, so the windows end exactly at the padded input's end. */
  exact: boolean;
  /** The padded input is at least as large as the kernel. */
  fits: boolean;
  /** Rows (or columns) at the end of the padded input that no window reaches. */
  uncovered: number;
  /** The formula with the numbers plugged in, as plain text: "(28 - 5 + 2·2) / 1 + 1 = 28". */
  formula: string;
  /** The same as LaTeX, for the formula cards. */
  latex: string;
}

/** pad is P on both sides, or [before, after] when they differ (TensorFlow's "same" with an even kernel or stride > 1). */
export function convOutputSize(
  inSize: number,
  kernel: number,
  stride: number,
  pad: number | readonly [number, number],
): OutputSize {
  const [before, after] = typeof pad === 'number' ? [pad, pad] : pad;
  const span = inSize - kernel + before + after;
  const fits = span >= 0;
  const exact = fits && span % stride === 0;
  const size = fits ? Math.floor(span / stride) + 1 : 0;
  const uncovered = fits ? span - (size - 1) * stride : 0;
  const padText = before === after ? `2·${before}` : `${before} + ${after}`;
  const padTex = before === after ? `2 \\cdot ${before}` : `${before} + ${after}`;
  const ratio = `(${inSize} - ${kernel} + ${padText}) / ${stride}`;
  const ratioTex = `\\frac{${inSize} - ${kernel} + ${padTex}}{${stride}}`;
  const quotient = Number((span / stride).toFixed(4));
  let formula = `floor(${ratio}) + 1 = floor(${quotient}) + 1 = ${size}`;
  let latex = `\\left\\lfloor ${ratioTex} \\right\\rfloor + 1 = \\lfloor ${quotient} \\rfloor + 1 = ${size}`;
  if (exact) {
    formula = `${ratio} + 1 = ${size}`;
    latex = `${ratioTex} + 1 = ${size}`;
  } else if (!fits) {
    formula = `${ratio} + 1 = ${Number((quotient + 1).toFixed(4))} < 1`;
    latex = `${ratioTex} + 1 = ${Number((quotient + 1).toFixed(4))} < 1`;
  }
  return { size, exact, fits, uncovered, formula, latex };
}

/** Padding [before, after] of one axis; "same" follows TensorFlow: out = ceil(in / S), the odd one after. */
export function axisPadding(
  padding: PaddingSpec,
  axis: 0 | 1,
  inSize: number,
  kernel: number,
  stride: number,
): [number, number] {
  if (padding === 'valid') return [0, 0];
  if (padding === 'same') {
    const out = Math.ceil(inSize / stride);
    const total = Math.max((out - 1) * stride + kernel - inSize, 0);
    const before = Math.floor(total / 2);
    return [before, total - before];
  }
  const p = typeof padding === 'number' ? padding : padding[axis];
  return [p, p];
}

export interface WindowSpec {
  kernel: SpatialPair;
  stride: SpatialPair;
  padding: PaddingSpec;
}

/** Where the windows of a conv or pooling node go over its input, with each axis's size formula. */
export interface SpatialWindow {
  geometry: WindowGeometry;
  height: OutputSize;
  width: OutputSize;
  /** Shape-level facts to show the user even though the shape is valid (a floored size). */
  notes: string[];
}

const axisNames = [
  { name: 'height', symbol: 'H', units: 'rows', edge: 'bottom' },
  { name: 'width', symbol: 'W', units: 'columns', edge: 'right' },
] as const;

/**
 * Resolves a window spec over an NCHW input shape. Throws ShapeError when the kernel is larger
 * than the padded input; a size that does not divide evenly is floored and reported in notes.
 */
export function spatialWindow(
  label: string,
  spec: WindowSpec,
  inputShape: Shape,
  options: { padAtMostHalfWindow?: boolean } = {},
): SpatialWindow {
  if (inputShape.length !== 4) {
    throw new ShapeError(
      `${label} expects a rank-4 input [batch, channels, height, width], got ${formatShape(inputShape)} (add a Reshape before it)`,
    );
  }
  const kernel = pairOf(spec.kernel);
  const stride = pairOf(spec.stride);
  const sizes: OutputSize[] = [];
  const pads: [number, number][] = [];
  const notes: string[] = [];
  for (const axis of [0, 1] as const) {
    const { name, symbol, units, edge } = axisNames[axis];
    const inSize = inputShape[2 + axis];
    const pad = axisPadding(spec.padding, axis, inSize, kernel[axis], stride[axis]);
    if (options.padAtMostHalfWindow && Math.max(...pad) > kernel[axis] / 2) {
      throw new ShapeError(
        `${label}: padding ${Math.max(...pad)} on the ${name} is more than half the window (${kernel[axis]}), so some windows would hold only padding`,
      );
    }
    const size = convOutputSize(inSize, kernel[axis], stride[axis], pad);
    if (!size.fits) {
      throw new ShapeError(
        `${label}: kernel ${name} ${kernel[axis]} is larger than the padded input ${name} ` +
          `${inSize} + ${pad[0] + pad[1]} = ${inSize + pad[0] + pad[1]} (${symbol}2 = ${size.formula})`,
      );
    }
    if (!size.exact) {
      notes.push(
        `${name}: (${symbol}1 - F + 2P) / S is not a whole number, so the output ${name} is floored, ${symbol}2 = ${size.formula}; ` +
          `the last ${size.uncovered} ${size.uncovered === 1 ? units.slice(0, -1) : units} at the ${edge} of the padded input ${size.uncovered === 1 ? 'is' : 'are'} never read`,
      );
    }
    sizes.push(size);
    pads.push(pad);
  }
  return {
    geometry: { kernel, stride, padBefore: [pads[0][0], pads[1][0]], padAfter: [pads[0][1], pads[1][1]] },
    height: sizes[0],
    width: sizes[1],
    notes,
  };
}

/** "5×5", "3×1". */
export function pairText(value: SpatialPair): string {
  const [h, w] = pairOf(value);
  return `${h}×${w}`;
}

/** "2" when both axes agree, else "2×1": for strides on the node's face. */
export function compactPairText(value: SpatialPair): string {
  const [h, w] = pairOf(value);
  return h === w ? `${h}` : `${h}×${w}`;
}

export function paddingText(padding: PaddingSpec): string {
  if (typeof padding === 'string') return padding;
  const [h, w] = typeof padding === 'number' ? [padding, padding] : padding;
  return h === w ? `pad ${h}` : `pad ${h}×${w}`;
}

/** The input index read by output index i at kernel offset m, in LaTeX: "2i + m - 1". */
export function windowIndexTex(i: string, m: string, stride: number, padding: PaddingSpec, axis: 0 | 1): string {
  const scaled = stride === 1 ? i : `${stride}${i}`;
  let pad: string;
  if (padding === 'same') pad = ` - P_${axis === 0 ? 'h' : 'w'}`;
  else {
    const p = padding === 'valid' ? 0 : typeof padding === 'number' ? padding : padding[axis];
    pad = p === 0 ? '' : ` - ${p}`;
  }
  return `${scaled} + ${m}${pad}`;
}
