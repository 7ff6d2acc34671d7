import type { AugmentJson, DatasetName, DatasetSpec, TrainingJson } from '../../core/graph/training';
import { penaltyKeys } from '../../core/graph/training';
import type { OptimizerConfig, OptimizerType } from '../../core/train/optimizer-factory';
import type { ScheduleConfig, ScheduleType } from '../../core/train/schedules/factory';

/** Where the data comes from, as the dataset select names it. */
export type DataChoice = 'sample' | DatasetName | 'csv';

export const planeSets: readonly DatasetName[] = ['xor', 'circle', 'gaussians', 'spiral'];

export function dataChoice(training: TrainingJson | undefined): DataChoice {
  const spec = training?.dataset;
  if (!spec) return 'sample';
  return spec.csv !== undefined ? 'csv' : (spec.name ?? 'sample');
}

/** Samples a 2D set starts with: enough for its shape to show, few enough to train in a second. */
const startingSamples: Record<string, number> = { xor: 100, circle: 200, gaussians: 100, spiral: 300 };

/**
 * The section with another data source. A section that had no dataset also gets settings that
 * train that data well from the first Start (held-out validation, mini-batches, enough epochs,
 * Adam at a Playground-like rate); settings already there are kept.
 */
export function withDataChoice(training: TrainingJson | undefined, choice: DataChoice, csvName?: string): TrainingJson {
  const section: TrainingJson = { ...training };
  let dataset: DatasetSpec | undefined;
  if (choice === 'csv') dataset = { csv: csvName ?? 'data.csv' };
  else if (choice === 'digits') dataset = { name: 'digits', samples: 2000 };
  else if (choice !== 'sample') dataset = { name: choice, samples: startingSamples[choice] ?? 200 };
  if (!dataset) {
    const { dataset: _gone, split: _split, augment: _augment, ...rest } = section;
    return rest;
  }
  const starter: TrainingJson =
    choice === 'digits'
      ? {
          split: { validation: 0.1, test: 0.2 },
          batchSize: 32,
          epochs: 5,
          optimizer: { type: 'adam', learningRate: 0.002 },
        }
      : { split: { validation: 0.2 }, batchSize: 16, epochs: 200, optimizer: { type: 'adam', learningRate: 0.03 } };
  const fresh = training?.dataset === undefined;
  // Augmentation transforms images: it goes with the digits.
  if (choice !== 'digits') delete section.augment;
  return { ...(fresh ? starter : {}), ...section, dataset };
}

export function withDatasetFields(training: TrainingJson | undefined, fields: Partial<DatasetSpec>): TrainingJson {
  const dataset = { ...training?.dataset, ...fields } as DatasetSpec;
  return { ...training, dataset };
}

/** The section with these augmentation settings merged in; none left set removes the augment object. */
export function withAugmentFields(training: TrainingJson | undefined, fields: Partial<AugmentJson>): TrainingJson {
  const augment = { ...training?.augment, ...fields };
  const set = Object.values(augment).some((v) => v !== undefined && v !== false);
  const { augment: _old, ...rest } = training ?? {};
  return set ? { ...rest, augment } : rest;
}

export function optimizerOf(training: TrainingJson | undefined): OptimizerConfig {
  return training?.optimizer ?? { type: 'adam' };
}

/** Another optimizer type: the rate and penalties stay, the type's own settings go back to their defaults. */
export function withOptimizerType(training: TrainingJson | undefined, type: OptimizerType): TrainingJson {
  const old = optimizerOf(training);
  const optimizer: OptimizerConfig = { type, learningRate: old.learningRate };
  for (const key of penaltyKeys) if (old[key] !== undefined) optimizer[key] = old[key];
  return { ...training, optimizer };
}

export function withOptimizerFields(training: TrainingJson | undefined, fields: Record<string, unknown>): TrainingJson {
  return { ...training, optimizer: { ...optimizerOf(training), ...fields } as OptimizerConfig };
}

export const defaultRates: Record<OptimizerType, number> = {
  sgd: 0.01,
  momentum: 0.01,
  nesterov: 0.01,
  adagrad: 0.001,
  rmsprop: 0.001,
  adam: 0.001,
};

/** The rate at step 0: the number, or the schedule's starting value. */
export function initialRate(training: TrainingJson | undefined): number {
  const optimizer = optimizerOf(training);
  const rate = optimizer.learningRate;
  if (rate === undefined) return defaultRates[optimizer.type];
  if (typeof rate === 'number') return rate;
  return rate.type === 'piecewise_constant' ? (rate.values[0] ?? defaultRates[optimizer.type]) : rate.learningRate;
}

/** A schedule of a type, starting at the current rate, with TensorFlow-like settings to begin from. */
export function scheduleOfType(type: ScheduleType | 'constant', rate: number, steps: number): number | ScheduleConfig {
  const decaySteps = Math.max(1, Math.round(steps / 4));
  switch (type) {
    case 'constant':
      return rate;
    case 'piecewise_constant':
      return { type, boundaries: [Math.round(steps / 2)], values: [rate, rate / 10] };
    case 'exponential':
    case 'natural_exp':
    case 'inverse_time':
      return { type, learningRate: rate, decaySteps, decayRate: 0.5 };
    case 'polynomial':
      return { type, learningRate: rate, decaySteps: Math.max(1, steps), endLearningRate: rate / 100 };
    case 'cosine':
      return { type, learningRate: rate, decaySteps: Math.max(1, steps) };
    case 'linear_cosine':
    case 'noisy_linear_cosine':
      return { type, learningRate: rate, decaySteps: Math.max(1, steps) };
  }
}

/** Steps a run takes with these settings and this many training samples (for the schedule's plot). */
export function plannedSteps(training: TrainingJson | undefined, trainSamples: number): number {
  const batch = training?.batchSize ?? 32;
  const perEpoch = batch === 'full' ? 1 : Math.max(1, Math.ceil(trainSamples / batch));
  const epochs = training?.epochs ?? (training?.steps === undefined ? 1 : Number.POSITIVE_INFINITY);
  return Math.min(training?.steps ?? Number.POSITIVE_INFINITY, epochs * perEpoch);
}
