import type { Backend } from '../backend/backend';
import type { BatchSize } from '../data/batches';
import type { Dataset } from '../data/dataset';
import { applyScaler, fitScaler, ScalingError } from '../data/scaling';
import { type Splits, splitDataset } from '../data/split';
import type { ModelJson } from '../graph/model';
import { Network } from '../graph/network';
import {
  type AugmentJson,
  type DatasetSpec,
  penaltyKeys,
  type TrainingJson,
  type TrainingRule,
} from '../graph/training';
import { formatShape } from '../tensor/shape';
import type { DType } from '../tensor/tensor';
import { DatasetError } from './dataset-from-spec';
import { Trainer } from './fit';
import type { TrainerOptions } from './fit-types';
import type { OptimizerConfig } from './optimizer-factory';

/** A training section with every default filled in, penalties moved into the optimizer config. */
export interface ResolvedTraining {
  rule: TrainingRule;
  dataset?: DatasetSpec;
  split: { validation: number; test: number };
  batchSize: BatchSize;
  epochs?: number;
  steps?: number;
  optimizer: OptimizerConfig;
  augment?: AugmentJson;
  seed: number;
}

/** Callbacks and host settings a trainer takes beyond what the model file says. */
export type TrainerHooks = Pick<
  TrainerOptions,
  'onProgress' | 'onEpoch' | 'shouldStop' | 'shouldPause' | 'yieldEveryMs' | 'augment'
>;

export const DEFAULT_BATCH_SIZE = 32;

/** Adam with Keras's defaults, as the Trainer uses when given no optimizer. */
export function resolveTraining(section: TrainingJson = {}): ResolvedTraining {
  const optimizer: OptimizerConfig = { ...(section.optimizer ?? { type: 'adam' }) };
  for (const key of penaltyKeys) {
    const value = section[key];
    if (value !== undefined) optimizer[key] = value;
  }
  return {
    rule: section.rule ?? 'backprop',
    dataset: section.dataset,
    split: { validation: section.split?.validation ?? 0, test: section.split?.test ?? 0 },
    batchSize: section.batchSize ?? DEFAULT_BATCH_SIZE,
    epochs: section.epochs,
    steps: section.steps,
    optimizer,
    augment: section.augment,
    seed: section.seed ?? 0,
  };
}

/**
 * Train, validation and test splits as the training section says (shuffled with its seed). A CSV
 * set's input scaling is fitted on the training split alone and applied to all three, so that
 * nothing about the held-out samples leaks into training.
 */
export function splitTrainingData(ds: Dataset, training: ResolvedTraining): Splits {
  const { validation, test } = training.split;
  const splits = splitDataset(ds, { train: 1 - validation - test, validation }, training.seed);
  const scaling = training.dataset?.scaling ?? 'none';
  if (scaling === 'none') return splits;
  const scaler = fitScaler(splits.train.inputs, scaling);
  const scale = (part: Dataset): Dataset => {
    try {
      return { ...part, inputs: applyScaler(part.inputs, scaler) };
    } catch (e) {
      if (!(e instanceof ScalingError)) throw e;
      const feature = part.featureNames?.[e.feature] ?? `feature ${e.feature + 1}`;
      throw new DatasetError(`${part.name}, ${feature}: ${e.message}`);
    }
  };
  return { train: scale(splits.train), validation: scale(splits.validation), test: scale(splits.test) };
}

/**
 * The options of a Trainer for these splits, as the training section says. Augmentation needs
 * image inputs [N, C, H, W]; for any other data it is refused, naming training.augment.
 */
export function trainerOptions(training: ResolvedTraining, splits: Splits, hooks: TrainerHooks = {}): TrainerOptions {
  const augment = training.augment;
  const shape = splits.train.inputs.shape;
  if (augment && shape.length !== 4) {
    throw new DatasetError(
      `training.augment: augmentation needs image inputs [N, C, H, W], but ${splits.train.name} has samples of shape ${formatShape(shape.slice(1))}; remove training.augment, or train on images with a model whose input takes them whole`,
    );
  }
  return {
    ...hooks,
    ...(augment ? { augment } : {}),
    train: splits.train,
    validation: splits.validation,
    optimizer: training.optimizer,
    batchSize: training.batchSize,
    epochs: training.epochs,
    steps: training.steps,
    seed: training.seed,
  };
}

export interface PreparedTraining {
  net: Network;
  trainer: Trainer;
  splits: Splits;
  training: ResolvedTraining;
}

/**
 * Everything a training run needs, from a model file and the dataset its training section names:
 * the network (missing weights initialised with the section's seed), the splits and the trainer.
 * Nodes with `trainable: false` stay frozen. The CLI and the engine host both start runs here.
 */
export function prepareTraining(
  model: ModelJson,
  dataset: Dataset,
  options: { backend: Backend; dtype?: DType; hooks?: TrainerHooks },
): PreparedTraining {
  const training = resolveTraining(model.training);
  const net = Network.fromModel(model, { backend: options.backend, dtype: options.dtype, seed: training.seed });
  const splits = splitTrainingData(dataset, training);
  const trainer = new Trainer(net, trainerOptions(training, splits, options.hooks));
  return { net, trainer, splits, training };
}
