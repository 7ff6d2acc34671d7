import type { Issue } from '../core';
import type { BackendChangedEvent } from './backend';
import type { RequestType } from './requests';
import type { ResultOf } from './results';
import type { TrainingEvent, TrainRunProgress } from './training';

export type EngineErrorCode =
  /** The message is not a well-formed request; path says which field. */
  | 'bad-request'
  | 'unknown-request'
  /** hello from a client that speaks another protocol version. */
  | 'version-mismatch'
  /** The model does not validate or compile; issues lists every problem. */
  | 'invalid-model'
  /** A request needs a model and none is loaded. */
  | 'no-model'
  /** A node failed while running; nodeId says which. */
  | 'run-error'
  | 'non-finite-loss'
  /** The training data cannot be read or does not fit the model; CSV problems carry line and column. */
  | 'invalid-dataset'
  /** A training run is already going in this session. */
  | 'busy'
  /** A bug in the engine, reported rather than dropped. */
  | 'internal';

export interface EngineError {
  code: EngineErrorCode;
  message: string;
  nodeId?: string;
  /** A JSON path: into the model for invalid-model, into the request for bad-request. */
  path?: string;
  line?: number;
  column?: number;
  issues?: Issue[];
  /** non-finite-loss: the training step it happened at. */
  step?: number;
}

export type OkReply<T extends RequestType = RequestType> = {
  [K in T]: { kind: 'reply'; id: number; ok: true; result: ResultOf[K] };
}[T];

export interface ErrorReply {
  kind: 'reply';
  /** null when the request carried no usable id. */
  id: number | null;
  ok: false;
  error: EngineError;
}

export type EngineReply = OkReply | ErrorReply;

export interface TrainProgressEvent {
  kind: 'event';
  type: 'train-progress';
  requestId: number;
  /** Steps done so far, and the loss of the last of them. */
  step: number;
  loss: number;
  /** train-start runs: epochs, validation, rate, throughput, and every batch since the last event. */
  run?: TrainRunProgress;
}

export type EngineEvent = TrainProgressEvent | TrainingEvent | BackendChangedEvent;

/** Everything the engine sends. */
export type EngineMessage = EngineReply | EngineEvent;

export function isEngineMessage(value: unknown): value is EngineMessage {
  if (typeof value !== 'object' || value === null) return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'reply' || kind === 'event';
}

export function errorReply(id: number | null, error: EngineError): ErrorReply {
  return { kind: 'reply', id, ok: false, error };
}
