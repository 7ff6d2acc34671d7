import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  CsvError,
  type Dataset,
  DatasetError,
  type DatasetSpec,
  type DigitImages,
  datasetFromSpec,
  type ModelJson,
  type Plan,
  parseDigits,
} from '../core';
import { CliError } from './errors';
import { readText } from './model-file';

const digitsFile = new URL('../../resources/datasets/digits.bin', import.meta.url);

/** The dataset a training section names, read from disk: a CSV path is relative to the model file. */
export function loadDataset(spec: DatasetSpec, modelFile: string, plan: Plan): Dataset {
  const csvPath = spec.csv === undefined ? undefined : resolve(dirname(modelFile), spec.csv);
  const csvText = csvPath === undefined ? undefined : readText(csvPath);
  const digits = spec.name === 'digits' ? readDigits() : undefined;
  try {
    return datasetFromSpec(spec, { csvText, digits }, plan);
  } catch (e) {
    if (e instanceof CsvError) throw new CliError(`${csvPath}:${e.line}${e.column ? `:${e.column}` : ''}: ${e.reason}`);
    if (e instanceof DatasetError) throw new CliError(`${modelFile}: ${e.message}`);
    throw e;
  }
}

function readDigits(): DigitImages {
  try {
    return parseDigits(gunzipSync(readFileSync(digitsFile)));
  } catch (e) {
    throw new CliError(`${digitsFile.pathname}: cannot read the digits: ${(e as Error).message}`);
  }
}

/**
 * The model with its CSV path rewritten for a file saved elsewhere: paths in a model file are
 * relative to that file.
 */
export function rebaseDatasetPath(model: ModelJson, fromFile: string, toFile: string): ModelJson {
  const csv = model.training?.dataset?.csv;
  if (csv === undefined || isAbsolute(csv) || !model.training?.dataset) return model;
  const moved = relative(dirname(resolve(toFile)), resolve(dirname(fromFile), csv));
  return { ...model, training: { ...model.training, dataset: { ...model.training.dataset, csv: moved } } };
}
