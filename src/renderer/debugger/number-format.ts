import type { DType } from '../../core/tensor/tensor';

/** Significant digits worth showing: float32 carries about 7, float64 more than the 9 shown. */
export function digitsFor(dtype: DType | undefined): number {
  return dtype === 'float64' ? 9 : 7;
}

/** Fewer digits where a tensor is too big to read every value in full. */
export const COMPACT_DIGITS = 4;

/** `digits` significant digits without trailing zeros: 0.741365070 reads 0.74136507. */
export function formatSig(value: number, digits: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e6 || magnitude < 1e-5) {
    const [mantissa, exponent] = value.toExponential(digits - 1).split('e');
    return `${trimZeros(mantissa)}e${Number(exponent)}`;
  }
  return trimZeros(value.toPrecision(digits));
}

function trimZeros(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}

/** A number for KaTeX: exponents as × 10^n. */
export function texNumber(value: number, digits: number): string {
  const text = formatSig(value, digits);
  if (text === '∞') return '\\infty';
  if (text === '−∞') return '-\\infty';
  if (text === 'NaN') return '\\mathrm{NaN}';
  const [mantissa, exponent] = text.split('e');
  return exponent === undefined ? mantissa : `${mantissa} \\times 10^{${exponent}}`;
}

/** A number as a factor of a product: negative ones in parentheses. */
export function texFactor(value: number, digits: number): string {
  const tex = texNumber(value, digits);
  return tex.startsWith('-') || tex.includes('\\times') ? `(${tex})` : tex;
}
