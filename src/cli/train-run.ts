import { formatModel, type ModelJson, type OptimizerConfig, type TrainingJson } from '../core';
import type { ParsedArgs } from './args';
import type { Print } from './commands/index';
import { rebaseDatasetPath } from './dataset-file';
import { type LoadedModel, writeText } from './model-file';

/** What every training mode of `train` starts from: the model with its training section and the flags merged. */
export interface TrainRun {
  parsed: ParsedArgs;
  print: Print;
  /** The model file, its training section replaced by `training`. */
  loaded: LoadedModel;
  training: TrainingJson;
  out?: string;
}

/** Writes a model to --out (when given), a CSV path rewritten to stay relative to the new file; returns the line saying so. */
export function saveModel(out: string | undefined, fromFile: string, model: ModelJson, what = 'trained model'): string {
  if (out === undefined) return 'model not saved (pass --out FILE to save it)\n';
  writeText(out, formatModel(rebaseDatasetPath(model, fromFile, out)));
  return `${what} written to ${out}\n`;
}

/** "lr 0.5", "cosine schedule from 0.1" or "default lr". */
export function describeRate(optimizer: OptimizerConfig): string {
  const rate = optimizer.learningRate;
  if (rate === undefined) return 'default lr';
  if (typeof rate === 'number') return `lr ${rate}`;
  return `${rate.type} schedule${rate.type === 'piecewise_constant' ? '' : ` from ${rate.learningRate}`}`;
}
