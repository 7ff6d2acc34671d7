import { validateModel } from '../../core/graph/load';
import type { ModelJson, NestedNumbers, SampleJson } from '../../core/graph/model';
import type { Shape } from '../../core/tensor/shape';

/** The two fields as typed. */
export interface SampleDraft {
  input: string;
  target: string;
}

export type SampleField = keyof SampleDraft;

export type SampleCheck =
  | { ok: true; sample: SampleJson | undefined }
  | { ok: false; field: SampleField; message: string };

type Rows = { ok: true; rows: NestedNumbers | undefined } | { ok: false; message: string };

/** Rows as the fields show them: one sample to a line. */
export function rowsText(rows: NestedNumbers | undefined): string {
  if (!rows) return '';
  const lines = rows.map((row) => JSON.stringify(row).replaceAll(',', ', '));
  return `[${lines.join(',\n ')}]`;
}

export function draftOf(sample: SampleJson | undefined): SampleDraft {
  return { input: rowsText(sample?.input), target: rowsText(sample?.target) };
}

/** An example of rows of a shape, for a placeholder: one row of zeros. */
export function exampleRows(sampleShape: Shape | undefined): string {
  const zeros = (shape: readonly number[]): NestedNumbers | number =>
    shape.length === 0 ? 0 : Array.from({ length: Math.min(shape[0], 4) }, () => zeros(shape.slice(1)));
  return rowsText([zeros(sampleShape ?? [2])]);
}

function isNested(value: unknown): value is NestedNumbers {
  return Array.isArray(value) && value.every((v) => (typeof v === 'number' && Number.isFinite(v)) || isNested(v));
}

function parseRows(text: string): Rows {
  const trimmed = text.trim();
  if (!trimmed) return { ok: true, rows: undefined };
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (e) {
    return { ok: false, message: `not JSON: ${(e as Error).message}` };
  }
  if (!isNested(value) || value.length === 0) {
    return { ok: false, message: 'a list of rows of numbers, one row per sample, such as [[0.05, 0.1]]' };
  }
  return { ok: true, rows: value };
}

/**
 * Reads the fields into a sample and checks it against the graph the way the engine will: rows
 * of the input node's shape, targets the loss can compare with the prediction. Empty input
 * fields mean no sample.
 */
export function checkSampleDraft(model: ModelJson, draft: SampleDraft): SampleCheck {
  const input = parseRows(draft.input);
  if (!input.ok) return { ok: false, field: 'input', message: input.message };
  const target = parseRows(draft.target);
  if (!target.ok) return { ok: false, field: 'target', message: target.message };
  if (!input.rows) {
    return target.rows
      ? { ok: false, field: 'target', message: 'a target needs input rows to go with it' }
      : { ok: true, sample: undefined };
  }
  const sample: SampleJson = target.rows ? { input: input.rows, target: target.rows } : { input: input.rows };
  const issue = validateModel({ ...model, sample }).issues.find((i) => i.path?.startsWith('$.sample'));
  if (issue) {
    return { ok: false, field: issue.path?.startsWith('$.sample.target') ? 'target' : 'input', message: issue.message };
  }
  return { ok: true, sample };
}
