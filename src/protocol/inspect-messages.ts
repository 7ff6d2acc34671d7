import type {
  ActivationStats,
  DType,
  GradientFlowEntry,
  Histogram,
  InitComparison,
  InitName,
  LayerGradients,
  Remedy,
  ValueStats,
} from '../core';

/** The built-in 2-D sets an inspection can run on in place of the model's own data. */
export type InspectDataset = 'xor' | 'circle' | 'gaussians' | 'spiral';

export const INSPECT_DATASETS: readonly InspectDataset[] = ['xor', 'circle', 'gaussians', 'spiral'];

/** Where the inspection rules draw their lines. */
export interface InspectThresholds {
  /** A layer vanishes below this fraction of the last layer's weight-gradient norm. */
  vanishingRatio: number;
  /** The gradient explodes growing by this factor or more per layer going back. */
  explodingFactor: number;
  /** A sigmoid or tanh value is saturated where its slope is below this. */
  saturationThreshold: number;
}

export interface InspectParams extends Partial<InspectThresholds> {
  /** Training steps (the model's training section, else Adam) before the inspected pass; 0 by default. */
  steps?: number;
  /** Train on, and inspect the first batch of, a built-in 2-D set instead of the model's own data. */
  dataset?: InspectDataset;
  /** Histogram bins; 24 by default. */
  bins?: number;
}

/** One layer's gradient sizes at one recorded step. */
export interface LayerSnapshot {
  nodeId: string;
  weightNorm: number;
  weightMeanAbs: number;
  inputNorm: number;
  inputMeanAbs: number;
}

/** What an activation node received (its pre-activations) at one recorded step. */
export interface PreActivationSnapshot {
  /** The activation node. */
  nodeId: string;
  stats: ValueStats;
  /** Over a range shared by every step of the run, so the steps compare bin for bin. */
  histogram: Histogram;
}

export interface InspectSnapshot {
  step: number;
  /** The loss on the inspected batch with the weights of this step. */
  loss: number | null;
  layers: LayerSnapshot[];
  preActivations: PreActivationSnapshot[];
}

export interface InspectTraining {
  /** Updates made: fewer than asked when a non-finite value stopped training. */
  steps: number;
  losses: number[];
  stopped?: string;
  /** What it trained on, in words. */
  data: string;
  optimizer: string;
}

export interface InspectResult {
  loss: number | null;
  /** What the inspected pass ran on, in words. */
  data: string;
  dtype: DType;
  thresholds: InspectThresholds;
  /** Every node's output, in plan order (losses left out). */
  activations: ActivationStats[];
  /** Per activation node, values of its input (the pre-activations) on the inspected batch, at most a few hundred. */
  preActivationSamples: Record<string, number[]>;
  /** Gradient sizes per layer, nearest the loss first. */
  gradients: LayerGradients[];
  /** The same layers with their vanishing or exploding flags. */
  flow: GradientFlowEntry[];
  /** The words for every remedy a flag names. */
  remedyText: Partial<Record<Remedy, string>>;
  training: InspectTraining | null;
  /** Step 0 and then every few steps while training; empty without training. */
  history: InspectSnapshot[];
}

export interface GradcheckParams {
  /** Check only this node: its parameters, or for a node without any its own backward step. */
  nodeId?: string;
}

/** Analytic against numerical gradient for one tensor. */
export interface GradcheckRow {
  nodeId: string;
  /** 'input' for the model input, 'input0' for a node's input, else the parameter name. */
  tensor: string;
  size: number;
  /** Elements compared (a sample of large tensors). */
  checked: number;
  maxAbsError: number;
  maxRelError: number;
  passed: boolean;
  /** The element with the largest difference. */
  worst: { index: number; analytic: number; numeric: number } | null;
}

export interface GradcheckResult {
  nodeId: string | null;
  rows: GradcheckRow[];
  passed: boolean;
  epsilon: number;
  tolerance: number;
  absoluteTolerance: number;
  data: string;
}

export interface InitCompareParams {
  initialisers: InitName[];
  vanishingRatio?: number;
  explodingFactor?: number;
}

export interface InitCompareResult {
  comparisons: InitComparison[];
  data: string;
}
