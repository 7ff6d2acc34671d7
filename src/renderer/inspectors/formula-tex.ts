import type { TensorJson } from '../../core/graph/model';
import type { ActivationCurve } from './activation-curves';

/** Terms of a sum written out with numbers; larger sums are left in symbols. */
export const MAX_WORKED_TERMS = 4;

/** A number for a worked formula: four significant digits, a minus that typesets as one. */
export function texNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return Number.isNaN(value) ? '\\text{NaN}' : value > 0 ? '\\infty' : '-\\infty';
  const abs = Math.abs(value);
  const text =
    abs !== 0 && (abs < 1e-3 || abs >= 1e5)
      ? value.toExponential(digits - 1).replace(/e([+-])(\d+)/, (_m, sign: string, exp: string) => {
          return ` \\times 10^{${sign === '-' ? '-' : ''}${exp}}`;
        })
      : String(Number(value.toPrecision(digits)));
  return text;
}

/** A factor in a product: negative numbers in parentheses. */
function factor(value: number): string {
  const text = texNumber(value);
  return value < 0 ? `(${text})` : text;
}

/** The general output-size rule of one axis: W_2 = floor((W_1 - F + 2P) / S) + 1. */
export function outputSizeRuleTex(symbol: string): string {
  return `${symbol}_2 = \\left\\lfloor \\frac{${symbol}_1 - F + 2P}{S} \\right\\rfloor + 1`;
}

/**
 * One axis's output size from core's worked LaTeX ("A = B = C"), one step a line so it fits a
 * narrow inspector: H_2 = floor(...) + 1, then = floor(11.5) + 1 = 12.
 */
export function outputSizeTex(symbol: string, latex: string): string {
  const [first, ...rest] = latex.split(' = ');
  if (rest.length < 2) return `${symbol}_2 = ${latex}`;
  return `\\begin{aligned} ${symbol}_2 &= ${first} \\\\ &= ${rest.join(' = ')} \\end{aligned}`;
}

/** A rule and its worked numbers on two aligned lines: lhs = rule, then = numbers. */
export function ruleThenNumbers(lhs: string, rule: string, worked: string): string {
  return `\\begin{aligned} ${lhs} &= ${rule} \\\\ &= ${worked} \\end{aligned}`;
}

/** Conv parameters: (F·F·D + 1)·K in symbols and with the node's numbers. */
export function convParamCountTex(
  kernel: [number, number],
  depth: number,
  filters: number,
  bias: boolean,
): { rule: string; worked: string; count: number } {
  const [kh, kw] = kernel;
  const square = kh === kw;
  const window = square ? 'F \\cdot F' : 'F_h \\cdot F_w';
  const perFilter = kh * kw * depth + (bias ? 1 : 0);
  const count = perFilter * filters;
  const numbers = `${kh} \\cdot ${kw} \\cdot ${depth}`;
  return bias
    ? {
        rule: `(${window} \\cdot D + 1) \\cdot K`,
        worked: `(${numbers} + 1) \\cdot ${filters} = ${perFilter} \\cdot ${filters} = ${count}`,
        count,
      }
    : { rule: `${window} \\cdot D \\cdot K`, worked: `${numbers} \\cdot ${filters} = ${count}`, count };
}

/** Dense parameters: (inputs + 1) · units. */
export function denseParamCountTex(inputs: number, units: number, bias: boolean): { rule: string; worked: string } {
  return bias
    ? { rule: '(n_{in} + 1) \\cdot n_{out}', worked: `(${inputs} + 1) \\cdot ${units} = ${(inputs + 1) * units}` }
    : { rule: 'n_{in} \\cdot n_{out}', worked: `${inputs} \\cdot ${units} = ${inputs * units}` };
}

/**
 * Unit 1 of a dense layer with its stored weights, y_1 = W_11 x_1 + ... + b_1, and with the
 * inputs of the last pass when they are known; undefined when the sum is too long to write out.
 */
export function denseUnitTex(W: TensorJson, b: TensorJson | undefined, inputs?: readonly number[]): string | undefined {
  const [nIn, units] = W.shape;
  if (W.shape.length !== 2 || nIn > MAX_WORKED_TERMS || units < 1) return undefined;
  const weights = Array.from({ length: nIn }, (_, i) => W.data[i * units]);
  const bias = b?.data[0];
  const symbolic = weights.map((w, i) => `${factor(w)}\\,x_{${i + 1}}`);
  if (bias !== undefined) symbolic.push(factor(bias));
  const rule = symbolic.join(' + ');
  if (!inputs || inputs.length !== nIn) return `y_1 = ${rule}`;
  const products = weights.map((w, i) => `${factor(w)} \\cdot ${factor(inputs[i])}`);
  if (bias !== undefined) products.push(factor(bias));
  const value = weights.reduce((sum, w, i) => sum + w * inputs[i], bias ?? 0);
  // One step a line: the narrow inspector has room for a sum, not for three.
  return `\\begin{aligned} y_1 &= ${rule} \\\\ &= ${products.join(' + ')} \\\\ &= ${texNumber(value)} \\end{aligned}`;
}

/** f and f' at one pre-activation value x, with the numbers: σ(0.38) = 0.59, σ'(0.38) = 0.24. */
export function activationAtTex(curve: ActivationCurve, x: number): { value: string; slope: string } {
  const arg = texNumber(x);
  return {
    value: `${curve.fTex(arg)} = ${texNumber(curve.f(x))}`,
    slope: `${curve.slopeTex(arg)} = ${texNumber(curve.slope(x))}`,
  };
}
