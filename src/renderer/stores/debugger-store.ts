import { create } from 'zustand';
import type { ModelJson } from '../../core/graph/model';
import type { DType } from '../../core/tensor/tensor';
import type { ApplyUpdateResult, StepRecordPayload, StepResult } from '../../protocol/results';
import { defaultLearningRate } from '../debugger/learning-rate';
import { sameComputation } from '../debugger/same-computation';
import { asClientError, type EngineClient } from '../engine-client';

export type DebuggerPhase = 'idle' | 'forward' | 'backward' | 'done';

/** What the steps of this pass recorded at one node. */
export interface NodeRecords {
  forward?: StepRecordPayload;
  backward?: StepRecordPayload;
}

export interface DebuggerError {
  message: string;
  nodeId?: string;
}

/** Puts the engine's new weights into the document; returns the document it made, null if it made none. */
export type CommitParams = (update: ApplyUpdateResult) => ModelJson | null;

export interface DebuggerState {
  phase: DebuggerPhase;
  /** The node the last step ran: highlighted on the canvas, its values in the inspector. */
  activeNodeId: string | null;
  activeDirection: 'forward' | 'backward' | null;
  /** The node the next step in the current direction runs; null when that direction is finished. */
  nextNodeId: string | null;
  records: Record<string, NodeRecords>;
  forwardSteps: number;
  backwardSteps: number;
  loss: number | null;
  dtype: DType | undefined;
  learningRate: number;
  /** Set once the user types a rate, so a new document does not overwrite it. */
  learningRateChosen: boolean;
  lastUpdate: ApplyUpdateResult | null;
  error: DebuggerError | null;
  busy: boolean;
  /** The document the records belong to. */
  graphModel: ModelJson | null;
  /** The document an update produced: its arrival keeps the update on show. */
  updatedModel: ModelJson | null;

  stepForward(client: EngineClient): Promise<void>;
  stepBackward(client: EngineClient): Promise<void>;
  runPass(client: EngineClient): Promise<void>;
  reset(client: EngineClient): Promise<void>;
  applyUpdate(client: EngineClient, commit: CommitParams): Promise<void>;
  setLearningRate(rate: number): void;
  /** Called with every new document; starts over when it computes something else. */
  syncGraph(model: ModelJson): void;
  /** The engine restarted and holds no pass: start over without asking it. */
  forgetPass(): void;
  dismissError(): void;
}

type PassState = Pick<
  DebuggerState,
  | 'phase'
  | 'activeNodeId'
  | 'activeDirection'
  | 'nextNodeId'
  | 'records'
  | 'forwardSteps'
  | 'backwardSteps'
  | 'loss'
  | 'error'
>;

const freshPass: PassState = {
  phase: 'idle',
  activeNodeId: null,
  activeDirection: null,
  nextNodeId: null,
  records: {},
  forwardSteps: 0,
  backwardSteps: 0,
  loss: null,
  error: null,
};

/** Whether every node has run forward, so the pass can go back. */
export function forwardComplete(s: Pick<DebuggerState, 'phase' | 'nextNodeId'>): boolean {
  return s.phase === 'backward' || s.phase === 'done' || (s.phase === 'forward' && s.nextNodeId === null);
}

/** The records after a step: a forward step at a node that already ran forward means the engine started over. */
function withRecords(state: DebuggerState, result: StepResult, restart: boolean): Partial<DebuggerState> {
  let records = restart ? {} : state.records;
  let forwardSteps = restart ? 0 : state.forwardSteps;
  let backwardSteps = restart ? 0 : state.backwardSteps;
  for (const record of result.records) {
    if (record.direction === 'forward' && records[record.nodeId]?.forward) {
      records = {};
      forwardSteps = 0;
      backwardSteps = 0;
    }
    records = { ...records, [record.nodeId]: { ...records[record.nodeId], [record.direction]: record } };
    if (record.direction === 'forward') forwardSteps++;
    else backwardSteps++;
  }
  const last = result.records[result.records.length - 1];
  return {
    records,
    forwardSteps,
    backwardSteps,
    phase: result.phase,
    nextNodeId: result.nextNodeId,
    loss: result.loss,
    dtype: result.dtype ?? state.dtype,
    activeNodeId: last ? last.nodeId : state.activeNodeId,
    activeDirection: last ? last.direction : state.activeDirection,
  };
}

let generation = 0;

/** The step-through debugger: where the pass is, what each step recorded, and the last update. */
export const useDebuggerStore = create<DebuggerState>()((set, get) => {
  /** Runs one engine request; a reply that arrives after the document changed is dropped. */
  async function request<T>(work: () => Promise<T>, apply: (result: T) => Partial<DebuggerState>): Promise<void> {
    if (get().busy) return;
    const mine = generation;
    set({ busy: true, error: null });
    try {
      const result = await work();
      if (mine === generation) set({ ...apply(result), busy: false });
    } catch (e) {
      if (mine !== generation) return;
      const error = asClientError(e);
      set({ busy: false, error: { message: error.message, nodeId: error.nodeId } });
    }
  }

  const step = (client: EngineClient, direction: 'forward' | 'backward' | 'pass') =>
    request(
      () => client.request('step', { direction }),
      (result) => withRecords(get(), result, direction === 'pass'),
    );

  return {
    ...freshPass,
    dtype: undefined,
    learningRate: 0.1,
    learningRateChosen: false,
    lastUpdate: null,
    busy: false,
    graphModel: null,
    updatedModel: null,

    stepForward: (client) => step(client, 'forward'),
    stepBackward: (client) => step(client, 'backward'),
    runPass: (client) => step(client, 'pass'),

    reset: (client) =>
      request(
        () => client.request('step', { direction: 'reset' }),
        () => ({ ...freshPass, lastUpdate: null }),
      ),

    applyUpdate: (client, commit) =>
      request(
        () => client.request('apply-update', { learningRate: get().learningRate }),
        (update) => {
          // The engine starts the pass over with the new weights; the old records describe the old ones.
          const updatedModel = commit(update);
          const error = updatedModel ? null : { message: 'the new weights could not be stored in the model' };
          return { ...freshPass, lastUpdate: update, dtype: update.dtype, updatedModel, error };
        },
      ),

    setLearningRate: (rate) => set({ learningRate: rate, learningRateChosen: true }),

    syncGraph(model) {
      const state = get();
      if (state.graphModel === model) return;
      const learningRate = state.learningRateChosen ? state.learningRate : defaultLearningRate(model);
      if (state.graphModel && sameComputation(state.graphModel, model)) {
        set({ graphModel: model, learningRate });
        return;
      }
      generation++;
      const keepUpdate = model === state.updatedModel;
      set({
        ...freshPass,
        busy: false,
        graphModel: model,
        learningRate,
        lastUpdate: keepUpdate ? state.lastUpdate : null,
        updatedModel: keepUpdate ? model : null,
      });
    },

    forgetPass() {
      generation++;
      set({ ...freshPass, busy: false });
    },

    dismissError: () => set({ error: null }),
  };
});

/** Back to the state a page starts with (tests). */
export function resetDebuggerStore(): void {
  generation++;
  useDebuggerStore.setState({
    ...freshPass,
    dtype: undefined,
    learningRate: 0.1,
    learningRateChosen: false,
    lastUpdate: null,
    busy: false,
    graphModel: null,
    updatedModel: null,
  });
}
