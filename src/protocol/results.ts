import type { DType, Issue, ModelJson, NestedArray, NodeCategory, Phase, Trace } from '../core';
import type { BackendStatus } from './backend';
import type { GradcheckResult, InitCompareResult, InspectResult } from './inspect-messages';
import type { TrainingResultOf } from './training';

/**
 * Tensor values as they travel. Nested arrays for now; this alias is the one place to change
 * when large tensors move to transferable typed arrays (transferListOf then finds them).
 */
export type TensorValues = NestedArray;

export interface HelloResult {
  protocolVersion: number;
  engine: 'backprop-studio';
  /** The compute backend and why it is the one. */
  backend: BackendStatus;
}

export interface ParamSummary {
  name: string;
  shape: number[];
  count: number;
}

export interface PlanNodeSummary {
  id: string;
  type: string;
  /** The kind's display name ("Dense"). */
  label: string;
  category: NodeCategory;
  /** The model's label for the node, when it has one. */
  name?: string;
  /** The key config in a few words ("2 units"). */
  describe: string;
  inputs: string[];
  outputShape: number[];
  params: ParamSummary[];
  paramCount: number;
}

/** What `load` tells about a runnable model: its nodes in run order and their shapes. */
export interface LoadResult {
  name?: string;
  description?: string;
  dtype: DType;
  batch: number;
  nodes: PlanNodeSummary[];
  inputIds: string[];
  lossIds: string[];
  paramCount: number;
  hasSample: boolean;
  hasTarget: boolean;
  /** Problems that do not stop the model from running (none yet: invalid models are errors). */
  issues: Issue[];
}

export type TraceResult = Trace;

/** One node run one way: everything the debugger shows for that step of the chain rule. */
export interface StepRecordPayload {
  nodeId: string;
  type: string;
  direction: 'forward' | 'backward';
  inputs: TensorValues[];
  output: TensorValues;
  /** The node's parameters as the step used them. */
  params: Record<string, TensorValues>;
  /** Backward: dLoss/d(output), summed over the node's consumers. */
  upstream?: TensorValues;
  /** Backward: d(output)/d(input) where it is element-wise (activations). */
  local?: TensorValues;
  /** Backward: dLoss/d(input) for each input. */
  inputGrads?: TensorValues[];
  /** Backward: dLoss/d(parameter). */
  paramGrads?: Record<string, TensorValues>;
  /** Loss nodes: the target the prediction was compared with. */
  target?: TensorValues;
}

export interface StepResult {
  /** What ran: none when there was nothing left to run, one per step, every step for 'pass'. */
  records: StepRecordPayload[];
  phase: Phase;
  /** The node the next step in the current direction runs. */
  nextNodeId: string | null;
  /** The total loss once every loss node has run forward. */
  loss: number | null;
  /** The dtype the values were computed in (how many of their digits mean something). */
  dtype?: DType;
}

export interface TrainResult {
  /** The loss at each step, before that step's update. */
  losses: number[];
  /** The model with the trained parameters stored in it. */
  model: ModelJson;
}

/** One parameter before and after an update. */
export interface ParamChange {
  nodeId: string;
  param: string;
  old: TensorValues;
  new: TensorValues;
  /** The gradient the update used; absent for values a node updates by its own rule. */
  grad?: TensorValues;
}

export interface ApplyUpdateResult {
  learningRate: number;
  changes: ParamChange[];
  /** The model with the updated parameters stored in it. */
  model: ModelJson;
  dtype: DType;
}

/** The result each request type resolves to. */
export interface ResultOf extends TrainingResultOf {
  hello: HelloResult;
  load: LoadResult;
  trace: TraceResult;
  step: StepResult;
  train: TrainResult;
  'apply-update': ApplyUpdateResult;
  inspect: InspectResult;
  gradcheck: GradcheckResult;
  'init-compare': InitCompareResult;
  'set-backend': BackendStatus;
}
