import Papa from 'papaparse';

/** A problem in a CSV file, at a 1-based line and, where it concerns one cell, a 1-based column. */
export class CsvError extends Error {
  override name = 'CsvError';
  constructor(
    readonly line: number,
    readonly column: number | undefined,
    readonly columnName: string | undefined,
    readonly reason: string,
  ) {
    const where =
      column === undefined ? `line ${line}` : `line ${line}, column ${column}${columnName ? ` ('${columnName}')` : ''}`;
    super(`${where}: ${reason}`);
  }
}

export interface CsvRow {
  cells: string[];
  /** The file line the row starts on, 1-based. */
  line: number;
}

/**
 * The non-blank rows of a CSV text with the line each starts on (quoted cells may span lines).
 * The delimiter is detected (comma, semicolon, tab, pipe); quotes follow RFC 4180.
 */
export function readCsvRows(text: string): CsvRow[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows: CsvRow[] = [];
  let rowStart = 0;
  let line = 1;
  let counted = 0;
  Papa.parse<string[]>(body, {
    step(result) {
      const problem = result.errors.find((e) => e.code !== 'UndetectableDelimiter');
      // Lines before this row: count the line breaks between the previous count and the row's start.
      for (; counted < rowStart; counted++) if (body.charCodeAt(counted) === 10) line++;
      if (problem) throw new CsvError(line, undefined, undefined, problem.message);
      const cells = result.data;
      if (cells.some((c) => c.trim() !== '')) rows.push({ cells, line });
      rowStart = result.meta.cursor;
    },
  });
  return rows;
}

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** The number a cell holds, or undefined: plain decimals only ("1e3", "-.5"), not "0x10", "Infinity" or "". */
export function parseNumber(cell: string): number | undefined {
  const s = cell.trim();
  return DECIMAL.test(s) ? Number(s) : undefined;
}
