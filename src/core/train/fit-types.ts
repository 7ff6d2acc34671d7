import type { AugmentOptions } from '../data/augment';
import type { BatchSize } from '../data/batches';
import type { Dataset } from '../data/dataset';
import type { Optimizer } from './optimizer';
import type { OptimizerConfig } from './optimizer-factory';

export interface TrainerOptions {
  train: Dataset;
  /** Evaluated in inference mode after every epoch. */
  validation?: Dataset;
  /** An optimizer, or its config ({ type, learningRate, ... }); Adam with Keras's defaults if left out. */
  optimizer?: Optimizer | OptimizerConfig;
  /** Samples per update: 1 (online), any number, or 'full' (the whole training set); 32 by default. */
  batchSize?: BatchSize;
  /** Passes over the training set; 1 by default, unless steps is given. */
  epochs?: number;
  /** A cap on updates; with epochs, whichever ends first. */
  steps?: number;
  /** Seeds the per-epoch shuffles, augmentation and dropout masks. */
  seed?: number;
  /** Shuffle the training set every epoch (true by default). */
  shuffle?: boolean;
  /** Random image transforms applied to each training batch of images [N, C, H, W]. */
  augment?: AugmentOptions;
  /** Nodes whose parameters stay as they are (fine-tuning). */
  frozen?: readonly string[];
  onProgress?: (progress: TrainProgress) => void;
  onEpoch?: (summary: EpochSummary) => void;
  /** Polled between steps: true ends training after the current step. */
  shouldStop?: () => boolean;
  /** Polled between steps: while true, run() waits without training. */
  shouldPause?: () => boolean;
  /** How long run() computes before letting the host's event loop run, in ms (20 by default). */
  yieldEveryMs?: number;
}

/** Reported after every update. */
export interface TrainProgress {
  /** Updates done so far, this one included. */
  step: number;
  /** The epoch this update belongs to, from 0. */
  epoch: number;
  /** This update's batch within its epoch, from 0, and the epoch's number of batches. */
  batch: number;
  batchesPerEpoch: number;
  /** This batch's loss, with the weights before the update. */
  loss: number;
  /** This batch's accuracy; undefined when the targets are not classes. */
  accuracy?: number;
  /** Means over the epoch's batches so far. */
  epochLoss: number;
  epochAccuracy?: number;
  /** The rate this update used. */
  learningRate: number;
  /** Training throughput since the run started (time in progress callbacks excluded). */
  samplesPerSecond: number;
}

export interface EpochSummary {
  epoch: number;
  /** Mean training loss and accuracy over the epoch's batches (as the weights moved). */
  loss: number;
  accuracy?: number;
  validationLoss?: number;
  validationAccuracy?: number;
  /** Steps done at the end of this epoch. */
  step: number;
  seconds: number;
}

export interface TrainReport {
  steps: number;
  /** Epochs completed. */
  epochs: number;
  history: EpochSummary[];
  /** True when a stop request ended training before its epochs or steps were done. */
  stopped: boolean;
  seconds: number;
}
