/** One worked equation: a caption in words and its KaTeX source. */
export interface Derivation {
  caption: string;
  tex: string;
}

/** At most this many entries of a tensor are worked out with numbers; the tables show the rest. */
export const WORKED_ENTRIES = 4;
/** At most this many terms of a sum are written out before "+ ⋯". */
export const WORKED_TERMS = 4;

export const PARTIAL_E = '\\partial E';

/** ∂E/∂(symbol) as a fraction. */
export function dE(symbol: string): string {
  return `\\frac{${PARTIAL_E}}{\\partial ${symbol}}`;
}

/** A chain of equalities, one step a line, aligned on the equals signs. */
export function chain(lhs: string, ...steps: string[]): string {
  const kept = steps.filter((s, i) => s !== steps[i - 1]);
  return `\\begin{aligned} ${lhs} &= ${kept.join(' \\\\ &= ')} \\end{aligned}`;
}

/** A subscript from 0-based indices: W_{12} for two one-digit indices, W_{10,2} or x_{1,3,3} otherwise. */
export function sub(...indices: number[]): string {
  const oneBased = indices.map((i) => i + 1);
  const packed = oneBased.length <= 2 && oneBased.every((i) => i < 10);
  return `_{${oneBased.join(packed ? '' : ',')}}`;
}

/** A sum written out: the first terms, then "+ ⋯" when there are more. */
export function sumOf(terms: string[], total = terms.length): string {
  const shown = terms.slice(0, WORKED_TERMS).join(' + ');
  return total > WORKED_TERMS ? `${shown} + \\cdots` : shown;
}

/** Multi-letter names upright, as textbooks set net and out. */
export function name(text: string): string {
  return `\\mathrm{${text}}`;
}

/** Terms of a worked sum: the first few, "⋯" when some are left out, then any that always show (a bias). */
export function workedTerms(terms: string[], total: number, tail: string[] = []): string[] {
  return [...terms.slice(0, WORKED_TERMS), ...(total > WORKED_TERMS ? ['\\cdots'] : []), ...tail];
}

/** Characters of a line as it reads, roughly: TeX commands and braces left out. */
function visibleLength(tex: string): number {
  return tex.replace(/\\[a-zA-Z]+|[{}]/g, '').length;
}

/** A sum of numbers: on one line when it fits a narrow panel, else one term a line. */
export function numberSum(terms: string[]): string {
  const oneLine = terms.join(' + ');
  return visibleLength(oneLine) <= 36 ? oneLine : terms.join(' \\\\ &\\quad + ');
}
