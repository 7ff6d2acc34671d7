import {
  CsvError,
  type Dataset,
  DatasetError,
  type DatasetSpec,
  type DigitImages,
  datasetFromSample,
  datasetFromSpec,
  decodeDigitsFile,
  flattenInputs,
  type ModelJson,
  type Plan,
  parseCsvDataset,
  sameShape,
} from '../core';
import type { CsvSource } from '../protocol/training';
import { RequestError } from './errors';

/** What the host reads for the engine: core and the session read no files themselves. */
export interface EngineResources {
  /** The bundled digits file (gzip-compressed or not). */
  loadDigits?(): Promise<ArrayBuffer | Uint8Array>;
}

/** Turns a dataset problem into a typed error reply; a CSV problem keeps its line and column. */
export function datasetFailure(e: unknown): never {
  if (e instanceof CsvError) {
    throw new RequestError({
      code: 'invalid-dataset',
      message: `CSV ${e.message}`,
      line: e.line,
      ...(e.column === undefined ? {} : { column: e.column }),
    });
  }
  if (e instanceof DatasetError) throw new RequestError({ code: 'invalid-dataset', message: e.message });
  throw e;
}

/** Reads the datasets a training section names, keeping the decoded digits for the next run. */
export class DatasetSources {
  private digits: Promise<DigitImages> | undefined;

  constructor(private readonly resources: EngineResources) {}

  digitImages(): Promise<DigitImages> {
    const load = this.resources.loadDigits;
    if (!load) {
      return Promise.reject(
        new RequestError({ code: 'invalid-dataset', message: 'this engine host has no digits file to read' }),
      );
    }
    this.digits ??= load()
      .then(decodeDigitsFile)
      .catch((e: unknown) => {
        this.digits = undefined;
        throw new RequestError({
          code: 'invalid-dataset',
          message: `the digits could not be read: ${(e as Error).message}`,
        });
      });
    return this.digits;
  }

  /** The training data of a model: its section's dataset, or its sample when it names none. */
  async forModel(model: ModelJson, plan: Plan, csv?: CsvSource): Promise<Dataset> {
    const spec = model.training?.dataset;
    try {
      if (!spec) return datasetFromSample(model);
      return await this.forSpec(spec, plan, csv);
    } catch (e) {
      return datasetFailure(e);
    }
  }

  async forSpec(spec: DatasetSpec, plan: Plan | undefined, csv?: CsvSource): Promise<Dataset> {
    try {
      if (spec.csv !== undefined) return csvDataset(spec, csv, plan);
      const digits = spec.name === 'digits' ? await this.digitImages() : undefined;
      return datasetFromSpec(spec, { digits }, plan);
    } catch (e) {
      return datasetFailure(e);
    }
  }
}

/** Core's CSV reading with the label type the user chose, checked against the model's input. */
function csvDataset(spec: DatasetSpec, csv: CsvSource | undefined, plan: Plan | undefined): Dataset {
  if (!csv) throw new DatasetError(`choose the file ${spec.csv} again: its text was not sent to the engine`);
  const name = spec.csv?.split(/[\\/]/).pop() ?? 'csv';
  const ds = parseCsvDataset(csv.text, {
    name,
    features: spec.features,
    label: spec.label,
    labelType: spec.labelType ?? csv.labelType ?? 'auto',
    scaling: 'none',
  });
  const input = plan?.inputIds.length ? plan.byId.get(plan.inputIds[0]) : undefined;
  const wanted = input?.outputShape?.slice(1);
  const fitted = wanted?.length === 1 && ds.inputs.shape.length > 2 ? flattenInputs(ds) : ds;
  if (input && wanted && !sameShape(fitted.inputs.shape.slice(1), wanted)) {
    throw new DatasetError(
      `${name} has ${fitted.inputs.shape[1]} feature columns but input node '${input.id}' takes [${wanted.join(', ')}]`,
    );
  }
  return fitted;
}
