import type {
  DatasetSpec,
  EpochSummary,
  ModelJson,
  NonFiniteStage,
  SearchConfig,
  SearchMethod,
  SearchSpace,
  TrainingJson,
  TrialResult,
} from '../core';

/** How a CSV label column is read: auto (categorical when any label is not a number), or forced. */
export type CsvLabelType = 'auto' | 'numeric' | 'categorical';

/** A CSV file's text, read by the renderer from the file the user chose (the engine reads no user files). */
export interface CsvSource {
  text: string;
  labelType?: CsvLabelType;
}

/** A problem in a CSV file, where it is: a 1-based line and, for one cell, a 1-based column. */
export interface CsvProblem {
  message: string;
  line: number;
  column?: number;
}

export interface TrainStartParams {
  /** The model with its training section; weights it stores are trained further, missing ones initialised. */
  model: ModelJson;
  /** Fields that replace the training section's for this run only. */
  settings?: TrainingJson;
  /** Caps for this run, replacing the section's epochs and steps. */
  maxEpochs?: number;
  maxSteps?: number;
  /** Needed when the section's dataset is a CSV file. */
  csv?: CsvSource;
}

export type TrainControlAction = 'pause' | 'resume' | 'stop';

export interface TrainControlParams {
  action: TrainControlAction;
}

export interface DatasetPreviewParams {
  spec: DatasetSpec;
  csv?: CsvSource;
  /** How many samples to send at most (2D points: all up to this; digits: images; CSV: rows). */
  limit?: number;
}

export interface SearchStartParams {
  model: ModelJson;
  method: SearchMethod;
  space: SearchSpace;
  trials: number;
  /** Epochs per trial, instead of the training section's. */
  epochs?: number;
  seed?: number;
  gridPoints?: number;
  csv?: CsvSource;
}

/** Loss and accuracy of the trained network over one split, in inference mode. */
export interface SplitMetrics {
  loss: number;
  accuracy?: number;
  samples: number;
}

export type TrainStopReason = 'finished' | 'stopped' | 'non-finite';

export interface NonFiniteReport {
  nodeId?: string;
  /** The update that failed, from 0; the weights are those from before it. */
  step: number;
  stage: NonFiniteStage;
  message: string;
}

/** The reply to train-start, once the run is over. */
export interface TrainDoneResult {
  reason: TrainStopReason;
  /** The model with the weights training ended with (before the failing step for non-finite). */
  model: ModelJson;
  steps: number;
  epochs: number;
  seconds: number;
  train?: SplitMetrics;
  validation?: SplitMetrics;
  test?: SplitMetrics;
  nonFinite?: NonFiniteReport;
  /** Perceptron-rule runs: whether the last pass made no error. */
  converged?: boolean;
}

export interface TrainControlResult {
  /** The run's state after the action; idle when no run was going. */
  state: 'running' | 'paused' | 'stopping' | 'idle';
}

export type DatasetPreviewResult =
  | {
      kind: 'points';
      name: string;
      count: number;
      /** x1, x2 of each sample, one after another. */
      xy: Float32Array;
      /** 1 for the positive class, 0 for the other. */
      labels: Uint8Array;
      classes: string[];
    }
  | {
      kind: 'images';
      name: string;
      count: number;
      height: number;
      width: number;
      /** shown images, height * width bytes each, one after another. */
      pixels: Uint8Array;
      labels: Uint8Array;
    }
  | {
      kind: 'table';
      name: string;
      header: string[];
      /** Whether the first row names the columns (detected: none of its cells is a number). */
      hasHeader: boolean;
      rows: string[][];
      rowCount: number;
      columnTypes: ('numeric' | 'categorical')[];
      /** The classes of the label column as it would be read now; absent for a numeric label. */
      classes?: string[];
      /** Why the file cannot be trained on as chosen (a bad cell, a missing column). */
      problem?: CsvProblem;
    };

export interface SearchDoneResult {
  /** Best first: by validation loss, then validation accuracy. */
  ranked: TrialResult[];
  best?: TrialResult;
  bestConfig?: SearchConfig;
  /** The best trial's trained network on the test split. */
  test?: SplitMetrics;
  stopped: boolean;
}

/** A train-start run's metrics, sent at most ~10 times a second with what happened since the last. */
export interface TrainRunProgress {
  state: 'running' | 'paused';
  epoch: number;
  batchesPerEpoch: number;
  totalSteps: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
  learningRate: number;
  stepsPerSecond: number;
  samplesPerSecond: number;
  /** null until there is a rate to extrapolate from. */
  secondsLeft: number | null;
  /** 0..1 of the run's steps. */
  progress: number;
  /** Every batch since the previous event: its step, loss and accuracy. */
  batches: { step: number; loss: number; accuracy?: number }[];
  /** Epochs finished since the previous event. */
  epochs: EpochSummary[];
}

/** The data points of a 2D set, sent once per run with the first boundary. */
export interface BoundaryPoints {
  xy: Float32Array;
  labels: Uint8Array;
  /** 0 train, 1 validation, 2 test. */
  splits: Uint8Array;
}

export interface DecisionBoundaryEvent {
  kind: 'event';
  type: 'decision-boundary';
  requestId: number;
  step: number;
  /** resolution x resolution probabilities of the positive class; row 0 is the top (largest x2). */
  resolution: number;
  values: Float32Array;
  xRange: [number, number];
  yRange: [number, number];
  points?: BoundaryPoints;
}

export interface PerceptronEpochEvent {
  kind: 'event';
  type: 'perceptron-epoch';
  requestId: number;
  epoch: number;
  /** Samples the unit got wrong during this pass. */
  errors: number;
  weights: number[];
  bias: number;
  /** The unit's output for each sample after this pass. */
  outputs: number[];
  /** Sent with the first epoch: the truth table the rule learns. */
  samples?: { inputs: number[][]; targets: number[] };
}

export interface SearchTrialEvent {
  kind: 'event';
  type: 'search-trial';
  requestId: number;
  trial: TrialResult;
  completed: number;
  /** The most trials the search runs (a grid may hold fewer). */
  total: number;
}

export type TrainingEvent = DecisionBoundaryEvent | PerceptronEpochEvent | SearchTrialEvent;

export interface TrainingRequestParams {
  'train-start': TrainStartParams;
  'train-control': TrainControlParams;
  'dataset-preview': DatasetPreviewParams;
  'search-start': SearchStartParams;
}

export interface TrainingResultOf {
  'train-start': TrainDoneResult;
  'train-control': TrainControlResult;
  'dataset-preview': DatasetPreviewResult;
  'search-start': SearchDoneResult;
}

export const TRAINING_REQUEST_TYPES = ['train-start', 'train-control', 'dataset-preview', 'search-start'] as const;
