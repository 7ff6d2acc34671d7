export interface Column {
  header: string;
  /** Numbers read best right-aligned, so that their digits line up. */
  align?: 'left' | 'right';
}

/**
 * Rows under a header and a rule, columns padded to their widest cell and two spaces apart.
 * Footer rows (a total, say) follow a second rule.
 */
export function formatTable(columns: Column[], rows: string[][], footer: string[][] = []): string {
  const all = [columns.map((c) => c.header), ...rows, ...footer];
  const widths = columns.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    columns
      .map((c, i) => {
        const cell = cells[i] ?? '';
        return c.align === 'right' ? cell.padStart(widths[i]) : cell.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const out = [line(columns.map((c) => c.header)), rule, ...rows.map(line)];
  if (footer.length) out.push(rule, ...footer.map(line));
  return `${out.join('\n')}\n`;
}

/** A number in few characters: six significant digits, no trailing zeros. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e6 || abs < 1e-4) return value.toExponential(4).replace(/\.?0+e/, 'e');
  return String(Number(value.toPrecision(6)));
}

export type Nested = number | Nested[];

/** Nested values as brackets of short numbers; a large tensor shows its shape and first values. */
export function formatValues(values: Nested | null, limit = 6): string {
  if (values === null) return '-';
  const flat: number[] = [];
  const collect = (v: Nested) => {
    if (typeof v === 'number') flat.push(v);
    else for (const x of v) collect(x);
  };
  collect(values);
  if (flat.length > limit)
    return `${formatShape(shapeOf(values))}: ${flat.slice(0, limit).map(formatNumber).join(', ')}, ...`;
  const render = (v: Nested): string => (typeof v === 'number' ? formatNumber(v) : `[${v.map(render).join(', ')}]`);
  return render(values);
}

function shapeOf(values: Nested): number[] {
  const shape: number[] = [];
  for (let v = values; Array.isArray(v) && v.length > 0; v = v[0]) shape.push(v.length);
  return shape;
}

function formatShape(shape: number[]): string {
  return `[${shape.join(', ')}]`;
}
