import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import {
  type AugmentJson,
  type BatchSize,
  type DatasetName,
  type DatasetSpec,
  datasetNames,
  formatIssue,
  jsonPath,
  type OptimizerType,
  penaltyKeys,
  scalingKinds,
  type TrainingJson,
  trainingJson,
} from '../core';
import {
  choice,
  nonNegativeInteger,
  nonNegativeNumber,
  type OptionSpecs,
  type ParsedArgs,
  positiveInteger,
  positiveNumber,
  stringFlag,
} from './args';
import { CliError, UsageError } from './errors';
import type { LoadedModel } from './model-file';
import { optimizerWithFlags } from './optimizer-flags';

/** Where the data comes from and how it is split: train and search share these. */
export const dataOptions = {
  dataset: { type: 'string' },
  features: { type: 'string' },
  label: { type: 'string' },
  scaling: { type: 'string' },
  samples: { type: 'string' },
  noise: { type: 'string' },
  'val-split': { type: 'string' },
  'test-split': { type: 'string' },
  seed: { type: 'string' },
} as const satisfies OptionSpecs;

export const dataOptionsHelp = `  --dataset D         ${datasetNames.join(', ')}, or a CSV file (then --features a,b and --label c;
                      default: every column but the last, and the last)
  --scaling KIND      CSV input scaling: ${scalingKinds.join(', ')} (fitted on the training split)
  --samples N         size of a named set (digits: the first N images)
  --noise X           label noise of a 2D set, 0 to 0.5
  --val-split F       fraction held out for validation (evaluated after every epoch)
  --test-split F      fraction held out for the final test
  --seed N            seeds the initial weights, the split, the shuffles and dropout`;

/** How long and how to train: train's flags beyond the data. */
export const trainingOptions = {
  'batch-size': { type: 'string' },
  epochs: { type: 'string' },
  steps: { type: 'string' },
  l1: { type: 'string' },
  l2: { type: 'string' },
  'max-norm': { type: 'string' },
  'clip-norm': { type: 'string' },
  'clip-value': { type: 'string' },
  rule: { type: 'string' },
  augment: { type: 'string' },
} as const satisfies OptionSpecs;

export const augmentOptionsHelp = `  --augment LIST      random image transforms of each training batch (image inputs only), e.g.
                      shift=0.1,rotation=10,scale=0.1,crop=0.9,flip-h,flip-v,noise=0.05,blur=1
                      (shift: fraction of the side; rotation: degrees; blur: max sigma); 'none' removes them`;

const penaltyFlags = {
  l1: 'l1',
  l2: 'l2',
  maxNorm: 'max-norm',
  clipNorm: 'clip-norm',
  clipValue: 'clip-value',
} as const;

/**
 * The model's training section with the data flags applied. A CSV path given as a flag is
 * relative to the working directory; in the section it is stored relative to the model file.
 */
export function withDataFlags(command: string, parsed: ParsedArgs, loaded: LoadedModel): TrainingJson {
  const flag = (name: string) => stringFlag(parsed, name);
  const out: TrainingJson = { ...loaded.model.training };
  const datasetText = flag('dataset');
  let dataset: DatasetSpec | undefined = out.dataset;
  if (datasetText !== undefined) dataset = datasetFromFlag(command, datasetText, loaded.file);
  const tweaks: Partial<DatasetSpec> = {};
  if (flag('features') !== undefined) tweaks.features = (flag('features') ?? '').split(',').map((s) => s.trim());
  if (flag('label') !== undefined) tweaks.label = flag('label');
  const scaling = flag('scaling');
  if (scaling !== undefined) tweaks.scaling = choice(command, 'scaling', scaling, scalingKinds);
  const samples = flag('samples');
  if (samples !== undefined) tweaks.samples = positiveInteger(command, 'samples', samples);
  const noise = flag('noise');
  if (noise !== undefined) tweaks.noise = nonNegativeNumber(command, 'noise', noise);
  if (Object.keys(tweaks).length) {
    if (!dataset) throw new UsageError(`--${Object.keys(tweaks)[0]} needs --dataset`, command);
    dataset = { ...dataset, ...tweaks };
  }
  if (dataset) out.dataset = dataset;
  const validation = flag('val-split');
  const test = flag('test-split');
  if (validation !== undefined || test !== undefined) {
    out.split = { ...out.split };
    if (validation !== undefined) out.split.validation = nonNegativeNumber(command, 'val-split', validation);
    if (test !== undefined) out.split.test = nonNegativeNumber(command, 'test-split', test);
  }
  const seed = flag('seed');
  if (seed !== undefined) out.seed = nonNegativeInteger(command, 'seed', seed);
  return out;
}

function datasetFromFlag(command: string, text: string, modelFile: string): DatasetSpec {
  const name = datasetNames.find((n) => n === text);
  if (name) return { name: name as DatasetName };
  if (!existsSync(text)) {
    throw new UsageError(
      `--dataset takes ${datasetNames.join(', ')} or a CSV file; there is no file '${text}'`,
      command,
    );
  }
  return { csv: relative(dirname(resolve(modelFile)), resolve(text)) };
}

/**
 * The model's training section with every training flag applied (data, length, optimizer,
 * penalties), validated as the model file's would be. `fallbackOptimizer` is the type used when
 * neither flags nor section name one.
 */
export function trainingWithFlags(
  command: string,
  parsed: ParsedArgs,
  loaded: LoadedModel,
  fallbackOptimizer: (training: TrainingJson) => OptimizerType,
): TrainingJson {
  const flag = (name: string) => stringFlag(parsed, name);
  const out = withDataFlags(command, parsed, loaded);
  const batch = flag('batch-size');
  if (batch !== undefined) out.batchSize = batchSize(command, batch);
  const epochs = flag('epochs');
  const steps = flag('steps');
  // Epochs and steps both end training: one given as a flag replaces the section's other.
  if (epochs !== undefined || steps !== undefined) {
    delete out.epochs;
    delete out.steps;
  }
  if (epochs !== undefined) out.epochs = positiveInteger(command, 'epochs', epochs);
  if (steps !== undefined) out.steps = positiveInteger(command, 'steps', steps);
  const augment = flag('augment');
  if (augment !== undefined) {
    delete out.augment;
    const parsedAugment = augmentFromFlag(command, augment);
    if (parsedAugment) out.augment = parsedAugment;
  }
  const rule = flag('rule');
  if (rule !== undefined) out.rule = choice(command, 'rule', rule, ['backprop', 'perceptron'] as const);
  const optimizer = optimizerWithFlags(command, parsed, out.optimizer, fallbackOptimizer(out));
  if (optimizer) out.optimizer = { ...optimizer };
  for (const key of penaltyKeys) {
    const text = flag(penaltyFlags[key]);
    if (text === undefined) continue;
    out[key] =
      key === 'l1' || key === 'l2'
        ? nonNegativeNumber(command, penaltyFlags[key], text)
        : positiveNumber(command, penaltyFlags[key], text);
    if (out.optimizer) delete out.optimizer[key];
  }
  return checkTraining(out, loaded.file);
}

/** The section validated by the model schema; a problem names the section's path, as a file's would. */
export function checkTraining(training: TrainingJson, file: string): TrainingJson {
  const result = trainingJson.safeParse(training);
  if (result.success) return training;
  throw new CliError(
    result.error.issues.map((i) =>
      formatIssue({ message: i.message, path: jsonPath(['training', ...i.path]) }, `${file} (with the flags given)`),
    ),
  );
}

const augmentNumbers = ['shift', 'rotation', 'scale', 'crop', 'noise', 'blur'] as const;
const augmentFlips = { 'flip-h': 'flipHorizontal', 'flip-v': 'flipVertical' } as const;

/** `shift=0.1,rotation=10,flip-h,noise=0.05` as the section's augment object; `none` as undefined. */
export function augmentFromFlag(command: string, text: string): AugmentJson | undefined {
  if (text.trim() === 'none') return undefined;
  const out: AugmentJson = {};
  for (const item of text.split(',').map((s) => s.trim())) {
    if (item === '') continue;
    const [key, value] = item.split('=', 2).map((s) => s.trim());
    const flip = Object.hasOwn(augmentFlips, key) ? augmentFlips[key as keyof typeof augmentFlips] : undefined;
    const numeric = augmentNumbers.find((k) => k === key);
    if (flip && value === undefined) out[flip] = true;
    else if (numeric && value !== undefined) out[numeric] = nonNegativeNumber(command, `augment ${key}`, value);
    else {
      throw new UsageError(
        `--augment takes ${augmentNumbers.map((k) => `${k}=X`).join(', ')}, flip-h, flip-v or none, not '${item}'`,
        command,
      );
    }
  }
  return out;
}

function batchSize(command: string, text: string): BatchSize {
  return text === 'full' ? 'full' : positiveInteger(command, 'batch-size', text);
}
