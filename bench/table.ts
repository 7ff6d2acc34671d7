import type { Benchmark, Row } from './types';

/** About three significant digits, without exponents for the sizes seen here. */
export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= 100) return v.toFixed(0);
  if (a >= 10) return v.toFixed(1);
  if (a >= 1) return v.toFixed(2);
  return v.toPrecision(3);
}

/** The column of ours/tfjs ratios for a throughput column. */
export function ratioLabel(benchmark: Benchmark, key: string): string {
  const throughputs = benchmark.columns.filter((c) => c.throughput);
  const column = throughputs.find((c) => c.key === key);
  return throughputs.length > 1 && column ? `${column.label} ours/tfjs` : 'ours/tfjs';
}

/** One benchmark as an aligned text table: case, backend, its metrics, then ours/tfjs per throughput. */
export function formatTable(benchmark: Benchmark, rows: readonly Row[]): string {
  const throughputs = benchmark.columns.filter((c) => c.throughput);
  const header = [
    'case',
    'backend',
    ...benchmark.columns.map((c) => c.label),
    ...throughputs.map((c) => ratioLabel(benchmark, c.key)),
  ];
  const body = rows.map((row, i) => {
    const caseCell = i > 0 && rows[i - 1].case === row.case ? '' : row.case;
    if (row.error) return [caseCell, row.entrant, `error: ${row.error}`];
    return [
      caseCell,
      row.entrant,
      ...benchmark.columns.map((c) => formatNumber(row.metrics[c.key])),
      ...throughputs.map((c) => (c.key in row.ratios ? `${row.ratios[c.key].toFixed(2)}x` : row.peer ? 'peer' : '-')),
    ];
  });
  const numeric = (col: number) => col >= 2;
  const widths = header.map((h, col) =>
    Math.max(h.length, ...body.filter((r) => r.length === header.length).map((r) => r[col].length)),
  );
  const line = (cells: string[]) =>
    cells
      .map((cell, col) => {
        if (cells.length !== header.length && col === cells.length - 1) return cell;
        return numeric(col) ? cell.padStart(widths[col]) : cell.padEnd(widths[col]);
      })
      .join('  ')
      .trimEnd();
  const out = [benchmark.title, line(header), line(header.map((_, col) => '-'.repeat(widths[col]))), ...body.map(line)];
  if (benchmark.note) out.push(`  ${benchmark.note}`);
  return out.join('\n');
}
