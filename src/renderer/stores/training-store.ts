import { create } from 'zustand';
import type { EngineEvent } from '../../protocol/messages';
import type {
  BoundaryPoints,
  CsvLabelType,
  PerceptronEpochEvent,
  TrainDoneResult,
  TrainStartParams,
} from '../../protocol/training';
import { asClientError, type EngineClient } from '../engine-client';
import { type Curves, emptyCurves, epochPoint, thinned } from './training-curves';

export type { CurvePoint, Curves, EpochPoint } from './training-curves';
export { CURVE_LIMIT } from './training-curves';

export type TrainingStatus = 'idle' | 'running' | 'paused' | 'stopping' | 'done' | 'error';

/** The latest numbers of a run, for the progress bar and the summary. */
export interface RunNumbers {
  step: number;
  epoch: number;
  loss: number;
  accuracy?: number;
  valLoss?: number;
  valAccuracy?: number;
  learningRate: number;
  stepsPerSecond: number;
  samplesPerSecond: number;
  secondsLeft: number | null;
  progress: number;
  totalSteps: number;
}

export interface BoundaryState {
  resolution: number;
  values: Float32Array;
  xRange: [number, number];
  yRange: [number, number];
  step: number;
}

export interface TrainingError {
  message: string;
  line?: number;
  column?: number;
  nodeId?: string;
}

/** Puts the trained weights into the document; returns why it could not, or null. */
export type CommitWeights = (result: TrainDoneResult) => string | null;

/** A CSV file the user chose: the renderer reads it, the engine gets its text with each run. */
export interface CsvFile {
  name: string;
  text: string;
}

export interface TrainingState {
  status: TrainingStatus;
  csvFile: CsvFile | null;
  labelType: CsvLabelType;
  numbers: RunNumbers | null;
  curves: Curves;
  /** Epochs done by earlier runs: the next run's curves continue after them. */
  epochOffset: number;
  batchesPerEpoch: number;
  boundary: BoundaryState | null;
  points: BoundaryPoints | null;
  perceptron: { samples: PerceptronEpochEvent['samples'] | null; epochs: PerceptronEpochEvent[] };
  result: TrainDoneResult | null;
  error: TrainingError | null;
  /** Why the trained weights could not be stored in the document, if they could not. */
  commitError: string | null;

  /** The document the curves belong to (graph-store's documentId when the run started). */
  documentId: number | null;
  start(client: EngineClient, params: TrainStartParams, commit: CommitWeights, documentId?: number): Promise<void>;
  pause(client: EngineClient): Promise<void>;
  resume(client: EngineClient): Promise<void>;
  stop(client: EngineClient): Promise<void>;
  /** Applies one engine event of the run in progress; events of no run are ignored. */
  receive(event: EngineEvent): void;
  /** Forgets the curves, boundary and result (not while a run goes on); a document id says whose are next. */
  clearCurves(documentId?: number): void;
  setCsvFile(file: CsvFile | null): void;
  setLabelType(labelType: CsvLabelType): void;
}

/** The training panel's run: its status, the curves across runs, the boundary and the result. */
export const useTrainingStore = create<TrainingState>()((set, get) => {
  let stopListening: (() => void) | undefined;

  async function control(client: EngineClient, action: 'pause' | 'resume' | 'stop'): Promise<void> {
    const status = get().status;
    if (status !== 'running' && status !== 'paused') return;
    try {
      const { state } = await client.request('train-control', { action });
      if (state !== 'idle' && get().status !== 'done' && get().status !== 'error') set({ status: state });
    } catch (e) {
      set({ error: { message: asClientError(e).message } });
    }
  }

  return {
    status: 'idle',
    csvFile: null,
    labelType: 'auto',
    numbers: null,
    curves: emptyCurves,
    epochOffset: 0,
    batchesPerEpoch: 1,
    boundary: null,
    points: null,
    perceptron: { samples: null, epochs: [] },
    result: null,
    error: null,
    commitError: null,
    documentId: null,

    async start(client, params, commit, documentId) {
      const state = get();
      if (state.status === 'running' || state.status === 'paused' || state.status === 'stopping') return;
      const offset = state.curves.epochs.at(-1)?.x ?? state.curves.batches.at(-1)?.x ?? 0;
      set({
        status: 'running',
        numbers: null,
        error: null,
        commitError: null,
        result: null,
        boundary: null,
        points: null,
        perceptron: { samples: null, epochs: [] },
        epochOffset: offset,
        documentId: documentId ?? state.documentId,
        curves: offset > 0 ? { ...state.curves, runStarts: [...state.curves.runStarts, offset] } : state.curves,
      });
      stopListening?.();
      stopListening = client.onEvent((event) => get().receive(event));
      try {
        const result = await client.request('train-start', params);
        set({ status: 'done', result, commitError: commit(result) });
      } catch (e) {
        const error = asClientError(e);
        set({
          status: 'error',
          error: { message: error.message, line: error.line, column: error.column, nodeId: error.nodeId },
        });
      } finally {
        stopListening?.();
        stopListening = undefined;
      }
    },

    pause: (client) => control(client, 'pause'),
    resume: (client) => control(client, 'resume'),
    stop: (client) => control(client, 'stop'),

    receive(event) {
      const state = get();
      if (state.status !== 'running' && state.status !== 'paused' && state.status !== 'stopping') return;
      if (event.type === 'train-progress' && event.run) {
        const { run } = event;
        const perEpoch = Math.max(1, run.batchesPerEpoch);
        const offset = state.epochOffset;
        const batches = run.batches.map((b) => ({ x: offset + b.step / perEpoch, loss: b.loss, accuracy: b.accuracy }));
        const epochs = run.epochs.map((e) => epochPoint(e, offset));
        set({
          batchesPerEpoch: perEpoch,
          numbers: {
            step: event.step,
            epoch: run.epoch,
            loss: event.loss,
            accuracy: run.accuracy,
            valLoss: run.valLoss,
            valAccuracy: run.valAccuracy,
            learningRate: run.learningRate,
            stepsPerSecond: run.stepsPerSecond,
            samplesPerSecond: run.samplesPerSecond,
            secondsLeft: run.secondsLeft,
            progress: run.progress,
            totalSteps: run.totalSteps,
          },
          curves: {
            ...state.curves,
            batches: thinned([...state.curves.batches, ...batches]),
            epochs: thinned([...state.curves.epochs, ...epochs]),
          },
        });
      } else if (event.type === 'decision-boundary') {
        const { resolution, values, xRange, yRange, step, points } = event;
        set({ boundary: { resolution, values, xRange, yRange, step }, ...(points ? { points } : {}) });
      } else if (event.type === 'perceptron-epoch') {
        set({
          perceptron: {
            samples: event.samples ?? state.perceptron.samples,
            epochs: [...state.perceptron.epochs, event],
          },
        });
      }
    },

    clearCurves(documentId) {
      const { status } = get();
      if (status === 'running' || status === 'paused' || status === 'stopping') return;
      set({
        status: 'idle',
        curves: emptyCurves,
        epochOffset: 0,
        numbers: null,
        result: null,
        boundary: null,
        points: null,
        perceptron: { samples: null, epochs: [] },
        error: null,
        commitError: null,
        documentId: documentId ?? get().documentId,
      });
    },

    setCsvFile: (file) => set({ csvFile: file }),
    setLabelType: (labelType) => set({ labelType }),
  };
});
