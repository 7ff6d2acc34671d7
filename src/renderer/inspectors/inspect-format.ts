/** A number in two or three significant digits for a panel: 0.25, 9.8e-4, 3.2e+7; NaN as a dash. */
export function shortNumber(value: number, digits = 2): string {
  if (Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return value > 0 ? '∞' : '−∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e-3 && abs < 1e4) return String(Number(value.toPrecision(digits)));
  return value.toExponential(digits - 1).replace(/\.0+e/, 'e');
}

export function percent(share: number): string {
  if (!Number.isFinite(share)) return '–';
  const value = share * 100;
  return `${value > 0 && value < 1 ? value.toFixed(1) : Math.round(value)}%`;
}

/** "1 sample", "2 samples". */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString('en-US')} ${word}${count === 1 ? '' : 's'}`;
}

/** The label of a node as the canvas shows it: its name, else its id. */
export function nodeTitle(nodes: readonly { id: string; name?: string }[], id: string): string {
  return nodes.find((n) => n.id === id)?.name ?? id;
}

/** A value for a log axis: zero, negative or non-finite values have no place there and are left out (null). */
export function onLogAxis(value: number): number | null {
  return Number.isFinite(value) && value > 0 ? value : null;
}
