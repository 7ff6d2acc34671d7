import type { PlotAxis } from './plotly-loader';

const superscripts: Record<string, string> = {
  '-': '⁻',
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
};

/** "10⁻⁴": a power of ten in plain characters. */
export function powerOfTen(exponent: number): string {
  if (exponent === 0) return '1';
  return `10${[...String(exponent)].map((c) => superscripts[c] ?? c).join('')}`;
}

/**
 * A log axis ticked at the given powers of ten, labelled in plain characters: plotly's own "power"
 * labels are superscript elements styled through style attributes, which the app's CSP blocks.
 */
export function logTicks(exponents: readonly number[]): PlotAxis {
  return {
    type: 'log',
    tickvals: exponents.map((e) => 10 ** e),
    ticktext: exponents.map(powerOfTen),
  };
}
