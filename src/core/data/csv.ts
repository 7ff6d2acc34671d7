import { Tensor } from '../tensor/tensor';
import { CsvError, type CsvRow, parseNumber, readCsvRows } from './csv-rows';
import type { Dataset } from './dataset';
import { applyScaler, fitScaler, type Scaler, ScalingError, type ScalingKind } from './scaling';

export { CsvError } from './csv-rows';

/** A column by its header name or its 0-based index. */
export type ColumnRef = string | number;

export interface CsvOptions {
  name?: string;
  /** Whether the first row names the columns; 'auto' (default): yes when none of its cells is a number. */
  header?: boolean | 'auto';
  /** The label column; the last column by default. */
  label?: ColumnRef;
  /** The feature columns, in this order; every column but the label by default. */
  features?: ColumnRef[];
  /** 'auto' (default): categorical when any label is not a number. Categorical labels become one-hot rows. */
  labelType?: 'auto' | 'numeric' | 'categorical';
  scaling?: ScalingKind;
}

export interface CsvDataset extends Dataset {
  featureNames: string[];
  labelName: string;
  /** The scaling fitted to these rows, to apply to data the model sees later. */
  scaler: Scaler;
}

/** A dataset from CSV text: numeric features [N, F] and targets [N, 1] (numeric) or one-hot [N, K] (classes). */
export function parseCsvDataset(text: string, options: CsvOptions = {}): CsvDataset {
  const rows = readCsvRows(text);
  if (rows.length === 0) throw new CsvError(1, undefined, undefined, 'the file is empty: no rows to read');
  const hasHeader =
    options.header === 'auto' || options.header === undefined ? looksLikeHeader(rows[0]) : options.header;
  const width = rows[0].cells.length;
  const names = hasHeader ? rows[0].cells.map((c) => c.trim()) : rows[0].cells.map((_, j) => `column ${j + 1}`);
  const data = hasHeader ? rows.slice(1) : rows;
  if (data.length === 0)
    throw new CsvError(rows[0].line, undefined, undefined, 'the file has a header but no data rows');
  for (const row of data) checkWidth(row, width, names, hasHeader);

  const headerLine = rows[0].line;
  const labelIndex = resolveColumn(options.label ?? width - 1, names, headerLine);
  const featureIndices = (options.features ?? names.map((_, j) => j).filter((j) => j !== labelIndex)).map((ref) =>
    resolveColumn(ref, names, headerLine),
  );
  if (featureIndices.length === 0) throw new CsvError(headerLine, undefined, undefined, 'no feature columns chosen');
  if (featureIndices.includes(labelIndex)) {
    throw new CsvError(headerLine, labelIndex + 1, names[labelIndex], 'the label column is also chosen as a feature');
  }

  const raw = Tensor.zeros([data.length, featureIndices.length]);
  data.forEach((row, i) => {
    featureIndices.forEach((j, k) => {
      raw.data[i * featureIndices.length + k] = numberAt(row, j, names);
    });
  });
  const scaler = fitScaler(raw, options.scaling ?? 'none');
  let inputs: Tensor;
  try {
    inputs = applyScaler(raw, scaler);
  } catch (e) {
    if (!(e instanceof ScalingError)) throw e;
    const j = featureIndices[e.feature];
    throw new CsvError(data[e.row].line, j + 1, names[j], e.message);
  }

  return {
    name: options.name ?? 'csv',
    inputs,
    ...labelTargets(data, labelIndex, names, options.labelType ?? 'auto'),
    featureNames: featureIndices.map((j) => names[j]),
    labelName: names[labelIndex],
    scaler,
  };
}

function looksLikeHeader(first: CsvRow): boolean {
  return first.cells.every((c) => c.trim() !== '' && parseNumber(c) === undefined);
}

function checkWidth(row: CsvRow, width: number, names: string[], hasHeader: boolean): void {
  const n = row.cells.length;
  if (n === width) return;
  const reference = hasHeader ? 'the header has' : 'the first row has';
  const reason = `the row has ${n} field${n === 1 ? '' : 's'} but ${reference} ${width}`;
  if (n < width) throw new CsvError(row.line, n + 1, names[n], `${reason}: this column and those after it are missing`);
  throw new CsvError(row.line, width + 1, undefined, `${reason}: this column is extra`);
}

function resolveColumn(ref: ColumnRef, names: string[], headerLine: number): number {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < names.length) return ref;
    throw new CsvError(
      headerLine,
      undefined,
      undefined,
      `no column ${ref}: columns are numbered 0 to ${names.length - 1}`,
    );
  }
  const j = names.indexOf(ref);
  if (j === -1)
    throw new CsvError(headerLine, undefined, undefined, `no column named '${ref}' (columns: ${names.join(', ')})`);
  return j;
}

function numberAt(row: CsvRow, j: number, names: string[]): number {
  const cell = row.cells[j];
  if (cell.trim() === '') throw new CsvError(row.line, j + 1, names[j], 'the cell is empty; a number is needed');
  const value = parseNumber(cell);
  if (value === undefined) throw new CsvError(row.line, j + 1, names[j], `'${cell.trim()}' is not a number`);
  return value;
}

function labelTargets(
  data: CsvRow[],
  j: number,
  names: string[],
  labelType: 'auto' | 'numeric' | 'categorical',
): { targets: Tensor; classes?: string[] } {
  for (const row of data) {
    if (row.cells[j].trim() === '') throw new CsvError(row.line, j + 1, names[j], 'the label is empty');
  }
  const numeric =
    labelType === 'numeric' || (labelType === 'auto' && data.every((r) => parseNumber(r.cells[j]) !== undefined));
  if (numeric) {
    return {
      targets: Tensor.fromArray(
        [data.length, 1],
        data.map((row) => numberAt(row, j, names)),
      ),
    };
  }
  const labels = data.map((r) => r.cells[j].trim());
  const classes = [...new Set(labels)].sort(compareLabels);
  const index = new Map(classes.map((c, k) => [c, k]));
  const targets = Tensor.zeros([data.length, classes.length]);
  labels.forEach((label, i) => {
    targets.data[i * classes.length + (index.get(label) ?? 0)] = 1;
  });
  return { targets, classes };
}

/** Numbers in numeric order, then text in code-point order: the same class order on every machine. */
function compareLabels(a: string, b: string): number {
  const x = parseNumber(a);
  const y = parseNumber(b);
  if (x !== undefined && y !== undefined) return x - y;
  if (x !== undefined) return -1;
  if (y !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
