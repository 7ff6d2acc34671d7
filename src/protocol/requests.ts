import type { DType, NestedNumbers } from '../core';
import type { SetBackendParams } from './backend';
import type { GradcheckParams, InitCompareParams, InspectParams } from './inspect-messages';
import { TRAINING_REQUEST_TYPES, type TrainingRequestParams } from './training';

/** Input and target values for one pass; either one missing falls back to the model's sample. */
export interface PassData {
  input?: NestedNumbers;
  target?: NestedNumbers;
}

export interface HelloParams {
  /** The client's PROTOCOL_VERSION, so the engine can say when the two differ. */
  clientVersion: number;
}

interface LoadOptions {
  /** The dtype the session computes in; float32 unless given. */
  dtype?: DType;
  /** Seed for the parameters the model does not store. */
  seed?: number;
}

/** A model as a parsed JSON value, or as file text (issues then carry line and column). */
export type LoadParams = LoadOptions & ({ model: unknown; text?: never } | { text: string; model?: never });

export interface TraceParams extends PassData {
  /** Trace in this dtype instead of the session's (float64 for exact numbers). */
  dtype?: DType;
}

/**
 * forward/backward run one node; reset starts a new pass (with new data if given); pass runs a
 * whole pass from the start and reports every step of it.
 */
export type StepDirection = 'forward' | 'backward' | 'reset' | 'pass';

export interface StepParams extends PassData {
  direction: StepDirection;
}

export interface TrainParams extends PassData {
  steps: number;
  learningRate: number;
  /** Send a train-progress event every this many steps; none when absent. */
  progressEvery?: number;
}

/** One gradient-descent step, w <- w - learningRate * dE/dw, with the gradients of the stepped pass. */
export interface ApplyUpdateParams {
  learningRate: number;
}

/** The parameters each request type takes. */
export interface RequestParams extends TrainingRequestParams {
  hello: HelloParams;
  load: LoadParams;
  trace: TraceParams;
  step: StepParams;
  train: TrainParams;
  'apply-update': ApplyUpdateParams;
  inspect: InspectParams;
  gradcheck: GradcheckParams;
  'init-compare': InitCompareParams;
  'set-backend': SetBackendParams;
}

export type RequestType = keyof RequestParams;

export const REQUEST_TYPES: readonly RequestType[] = [
  'hello',
  'load',
  'trace',
  'step',
  'train',
  'apply-update',
  'inspect',
  'gradcheck',
  'init-compare',
  'set-backend',
  ...TRAINING_REQUEST_TYPES,
];

/** A request as it travels: its id pairs it with exactly one reply. */
export type RequestOf<T extends RequestType> = { id: number; type: T } & RequestParams[T];

export type EngineRequest = { [T in RequestType]: RequestOf<T> }[RequestType];
