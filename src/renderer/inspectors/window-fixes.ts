/** One spatial axis of a conv or pooling window, as numbers. */
export interface AxisWindow {
  input: number;
  kernel: number;
  stride: number;
  /** Symmetric padding P on each side. */
  pad: number;
}

/** A config change that makes every (W1 - F + 2P) / S whole, so the windows end exactly at the edge. */
export interface WindowFix {
  field: 'padding' | 'stride';
  /** The field's new value: one number for both axes, [h, w], or TensorFlow's "same". */
  value: number | [number, number] | 'same';
  /** The output [height, width] it gives. */
  output: [number, number];
}

export interface FixOptions {
  /** Most padding allowed: F - 1 for conv (more gives windows of padding only), F / 2 for pooling. */
  maxPad(kernel: number): number;
  /** Candidates of each field offered at most. */
  limit?: number;
}

export const convFixOptions: FixOptions = { maxPad: (kernel) => kernel - 1 };
export const poolFixOptions: FixOptions = { maxPad: (kernel) => Math.floor(kernel / 2) };

/** (W1 - F + 2P), the span the window's start moves over. */
export function span(a: AxisWindow): number {
  return a.input - a.kernel + 2 * a.pad;
}

export function isExact(a: AxisWindow): boolean {
  return span(a) >= 0 && span(a) % a.stride === 0;
}

export function outputSize(a: AxisWindow): number {
  return span(a) >= 0 ? Math.floor(span(a) / a.stride) + 1 : 0;
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/** Values that make an axis exact, nearest the current one first (the smaller on a tie). */
function nearest(values: number[], current: number): number[] {
  return [...values].sort((a, b) => Math.abs(a - current) - Math.abs(b - current) || a - b);
}

/**
 * Padding values and strides that make both axes exact, nearest the current ones first. One value
 * for both axes where one fits both, else [h, w]; "same" padding is always exact, so it is offered
 * last as the way that keeps the stride.
 */
export function windowFixes(axes: [AxisWindow, AxisWindow], options: FixOptions): WindowFix[] {
  if (axes.every(isExact)) return [];
  const limit = options.limit ?? 2;
  const output = (h: AxisWindow, w: AxisWindow): [number, number] => [outputSize(h), outputSize(w)];
  const [height, width] = axes;

  const padsFor = (a: AxisWindow) =>
    nearest(
      range(0, options.maxPad(a.kernel)).filter((pad) => pad !== a.pad && isExact({ ...a, pad })),
      a.pad,
    );
  const stridesFor = (a: AxisWindow) =>
    nearest(
      range(1, Math.max(a.kernel, a.stride)).filter((stride) => stride !== a.stride && isExact({ ...a, stride })),
      a.stride,
    );

  const fixes: WindowFix[] = [];
  const offer = (field: 'padding' | 'stride', perAxis: (a: AxisWindow) => number[], key: 'pad' | 'stride') => {
    const [h, w] = axes.map((a) => (isExact(a) ? [a[key]] : perAxis(a)));
    const shared = h.filter((v) => w.includes(v));
    if (shared.length && height[key] === width[key]) {
      for (const v of shared.slice(0, limit))
        fixes.push({ field, value: v, output: output({ ...height, [key]: v }, { ...width, [key]: v }) });
    } else if (h.length && w.length) {
      const value: [number, number] = [h[0], w[0]];
      fixes.push({ field, value, output: output({ ...height, [key]: h[0] }, { ...width, [key]: w[0] }) });
    }
  };
  offer('padding', padsFor, 'pad');
  offer('stride', stridesFor, 'stride');
  fixes.push({
    field: 'padding',
    value: 'same',
    output: [Math.ceil(height.input / height.stride), Math.ceil(width.input / width.stride)],
  });
  return fixes;
}

/** Why no padding fixes an axis, in words, or undefined when one does. */
export function noPaddingReason(a: AxisWindow, options: FixOptions): string | undefined {
  if (isExact(a)) return undefined;
  const maxPad = options.maxPad(a.kernel);
  if (range(0, maxPad).some((pad) => isExact({ ...a, pad }))) return undefined;
  const base = a.input - a.kernel;
  if (a.stride % 2 === 0 && base % 2 !== 0)
    return `${a.input} − ${a.kernel} + 2P is odd for every P, and stride ${a.stride} needs an even number`;
  return `no padding from 0 to ${maxPad} makes ${a.input} − ${a.kernel} + 2P a multiple of ${a.stride}`;
}

const axisWords = [
  { name: 'height', unit: 'row', edge: 'bottom' },
  { name: 'width', unit: 'column', edge: 'right' },
] as const;

/** The rows (or columns) no window reaches: "the last row at the bottom", "the last 2 columns at the right". */
function leftOver(a: AxisWindow, axis: 0 | 1): { text: string; count: number } {
  const count = span(a) - (outputSize(a) - 1) * a.stride;
  const { unit, edge } = axisWords[axis];
  const text = count === 1 ? `the last ${unit} at the ${edge}` : `the last ${count} ${unit}s at the ${edge}`;
  return { text, count };
}

/**
 * What flooring does to each axis whose division is not whole, in words with the numbers; one
 * sentence for both axes when their numbers agree.
 */
export function flooredSentences(axes: [AxisWindow, AxisWindow]): string[] {
  const division = (a: AxisWindow) =>
    `(${a.input} − ${a.kernel} + 2·${a.pad}) / ${a.stride} = ${Number((span(a) / a.stride).toFixed(4))}`;
  const [height, width] = axes;
  const same = (['input', 'kernel', 'stride', 'pad'] as const).every((k) => height[k] === width[k]);
  if (same && !isExact(height)) {
    return [
      `Height and width: ${division(height)} is not whole, so frameworks floor it, giving ${outputSize(height)}; ` +
        `${leftOver(height, 0).text} and ${leftOver(width, 1).text} of the padded input are never read.`,
    ];
  }
  return axes.flatMap((a, i) => {
    if (isExact(a)) return [];
    const axis = i as 0 | 1;
    const { name } = axisWords[axis];
    const left = leftOver(a, axis);
    return [
      `${name[0].toUpperCase()}${name.slice(1)}: ${division(a)} is not whole, so frameworks floor it, giving ` +
        `${outputSize(a)}; ${left.text} of the padded input ${left.count === 1 ? 'is' : 'are'} never read.`,
    ];
  });
}

/** Why no padding helps, once for both axes when the reason is the same. */
export function noPaddingSentences(axes: [AxisWindow, AxisWindow], options: FixOptions): string[] {
  const reasons = axes.map((a) => noPaddingReason(a, options));
  if (reasons[0] && reasons[0] === reasons[1]) return [`No padding makes it whole: ${reasons[0]}.`];
  return reasons.flatMap((r, i) => (r ? [`No padding makes the ${axisWords[i].name} whole: ${r}.`] : []));
}
