import { CsvError, DatasetError, type DatasetSpec, parseCsvDataset, sampleCount } from '../core';
import { parseNumber, readCsvRows } from '../core/data/csv-rows';
import type { CsvProblem, CsvSource, DatasetPreviewResult } from '../protocol/training';
import { type DatasetSources, datasetFailure } from './training-data';

const DEFAULT_LIMIT = { points: 2000, images: 36, rows: 8 };

/**
 * The first samples of a dataset, for the renderer to show before training: 2D points with
 * their class, digit images with their labels, or a CSV file's header, rows and column types.
 * A CSV problem comes back as an error naming its line and column.
 */
export async function previewDataset(
  spec: DatasetSpec,
  sources: DatasetSources,
  csv: CsvSource | undefined,
  limit?: number,
): Promise<DatasetPreviewResult> {
  if (spec.csv !== undefined) return previewCsv(spec, csv, limit ?? DEFAULT_LIMIT.rows);
  if (spec.name === 'digits') {
    const images = await sources.digitImages();
    const count = Math.min(images.count, spec.samples ?? images.count);
    const shown = Math.min(count, limit ?? DEFAULT_LIMIT.images);
    const size = images.height * images.width;
    return {
      kind: 'images',
      name: 'digits',
      count,
      height: images.height,
      width: images.width,
      pixels: images.pixels.slice(0, shown * size),
      labels: images.labels.slice(0, shown),
    };
  }
  const ds = await sources.forSpec({ ...spec, labels: 'binary' }, undefined);
  const count = sampleCount(ds);
  const shown = Math.min(count, limit ?? DEFAULT_LIMIT.points);
  return {
    kind: 'points',
    name: ds.name,
    count,
    xy: Float32Array.from(ds.inputs.data.subarray(0, 2 * shown)),
    labels: Uint8Array.from(ds.targets.data.subarray(0, shown), (t) => (t > 0 ? 1 : 0)),
    classes: ds.classes ?? ['negative', 'positive'],
  };
}

function previewCsv(spec: DatasetSpec, csv: CsvSource | undefined, limit: number): DatasetPreviewResult {
  try {
    if (!csv) throw new DatasetError(`the text of ${spec.csv} was not sent`);
    const all = readCsvRows(csv.text);
    const first = all[0];
    const hasHeader = first !== undefined && first.cells.every((c) => c.trim() !== '' && parseNumber(c) === undefined);
    const data = hasHeader ? all.slice(1) : all;
    const width = first?.cells.length ?? 0;
    const header = hasHeader
      ? first.cells.map((c) => c.trim())
      : Array.from({ length: width }, (_, j) => `column ${j + 1}`);
    const columnTypes = header.map((_, j) =>
      data.every((r) => parseNumber(r.cells[j] ?? '') !== undefined) ? ('numeric' as const) : ('categorical' as const),
    );
    const read = readAsTraining(spec, csv);
    return {
      kind: 'table',
      name: spec.csv ?? 'csv',
      header,
      hasHeader,
      rows: data.slice(0, limit).map((r) => r.cells),
      rowCount: data.length,
      columnTypes,
      ...read,
    };
  } catch (e) {
    return datasetFailure(e);
  }
}

/** Reads the file as training will; its first problem, with line and column, is shown under the table. */
function readAsTraining(spec: DatasetSpec, csv: CsvSource): { classes?: string[]; problem?: CsvProblem } {
  try {
    const parsed = parseCsvDataset(csv.text, {
      features: spec.features,
      label: spec.label,
      labelType: spec.labelType ?? csv.labelType ?? 'auto',
      scaling: spec.scaling ?? 'none',
    });
    return parsed.classes ? { classes: parsed.classes } : {};
  } catch (e) {
    if (!(e instanceof CsvError)) throw e;
    return { problem: { message: e.message, line: e.line, ...(e.column === undefined ? {} : { column: e.column }) } };
  }
}
