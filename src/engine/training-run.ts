import {
  type Backend,
  batchesPerEpoch,
  type Dataset,
  type EpochSummary,
  evaluate,
  type ModelJson,
  type Network,
  NonFiniteLossError,
  NonFiniteTrainingError,
  type PreparedTraining,
  prepareTraining,
  resolveBatchSize,
  type Splits,
  sampleCount,
  type TrainProgress,
} from '../core';
import { now } from '../core/train/clock';
import type { EngineEvent } from '../protocol/messages';
import type { NonFiniteReport, SplitMetrics, TrainDoneResult, TrainRunProgress } from '../protocol/training';
import { boundaryGrid, boundaryPoints, copyPoints, hasPlaneInput, planeFrame } from './training-boundary';
import type { RunSwitch } from './training-control';

/** What a run needs from the session: where events go and the switch train-control flips. */
export interface RunContext {
  requestId: number;
  /** Where the run computes: the active backend (the CPU for the perceptron rule). */
  backend: Backend;
  /** The CPU, for work done from synchronous hooks between steps (the decision boundary). */
  cpu: Backend;
  /** Whether an error means the GPU was lost; the session then moves to the CPU. */
  lostDevice: (e: unknown) => boolean;
  emit: (event: EngineEvent) => void;
  control: RunSwitch;
}

/** Progress events at most this often (the renderer redraws its curves on each). */
const PROGRESS_MS = 100;
/** The decision boundary is a forward pass over the whole grid: redrawn less often. */
const BOUNDARY_MS = 250;

/** Loss and accuracy over a split, or nothing for an empty one. */
export async function splitMetrics(net: Network, ds: Dataset): Promise<SplitMetrics | undefined> {
  if (sampleCount(ds) === 0) return undefined;
  const { loss, accuracy, samples } = await evaluate(net, ds);
  return accuracy === undefined ? { loss, samples } : { loss, accuracy, samples };
}

export async function finalMetrics(
  net: Network,
  splits: Splits,
): Promise<Pick<TrainDoneResult, 'train' | 'validation' | 'test'>> {
  return {
    train: await splitMetrics(net, splits.train),
    validation: await splitMetrics(net, splits.validation),
    test: await splitMetrics(net, splits.test),
  };
}

function totalSteps(prepared: PreparedTraining): number {
  const { training, splits } = prepared;
  const perEpoch = batchesPerEpoch(sampleCount(splits.train), training.batchSize);
  const epochs = training.epochs ?? (training.steps === undefined ? 1 : Number.POSITIVE_INFINITY);
  return Math.min(training.steps ?? Number.POSITIVE_INFINITY, epochs * perEpoch);
}

function nonFiniteReport(e: NonFiniteLossError): NonFiniteReport {
  return {
    ...(e.nodeId === undefined ? {} : { nodeId: e.nodeId }),
    step: e.step,
    stage: e instanceof NonFiniteTrainingError ? e.stage : 'forward',
    message: e.message,
  };
}

/**
 * Gradient-descent training as the model's training section says, streaming progress (batched:
 * every batch and epoch since the last event) and, for a model of two inputs, the decision
 * boundary. A non-finite value ends the run with the weights from before the failing step.
 */
export async function runBackprop(model: ModelJson, dataset: Dataset, ctx: RunContext): Promise<TrainDoneResult> {
  const { control, requestId, emit } = ctx;
  const started = now();
  let pausedMs = 0;
  let pauseStarted: number | undefined;
  let batches: TrainRunProgress['batches'] = [];
  let epochs: EpochSummary[] = [];
  let latestEpoch: EpochSummary | undefined;
  let last: TrainProgress | undefined;
  let lastEmit = Number.NEGATIVE_INFINITY;
  let lastBoundary = started;

  const prepared = prepareTraining(model, dataset, {
    backend: ctx.backend,
    hooks: {
      onProgress(progress) {
        batches.push({ step: progress.step, loss: progress.loss, accuracy: progress.accuracy });
        last = progress;
        const at = now();
        if (at - lastEmit >= PROGRESS_MS) sendProgress(at);
        if (points && at - lastBoundary >= BOUNDARY_MS) sendBoundary(at);
      },
      onEpoch(summary) {
        epochs.push(summary);
        latestEpoch = summary;
      },
      shouldStop: () => control.stopped,
      shouldPause() {
        const paused = control.paused;
        if (paused && pauseStarted === undefined) {
          pauseStarted = now();
          // The curves, the step count and the boundary show where the run stands while it waits.
          sendProgress(pauseStarted);
          sendBoundary(pauseStarted);
        }
        if (!paused && pauseStarted !== undefined) {
          pausedMs += now() - pauseStarted;
          pauseStarted = undefined;
        }
        return paused;
      },
      yieldEveryMs: 20,
    },
  });
  const { trainer, splits } = prepared;
  let net = prepared.net;
  // The boundary is drawn from a synchronous progress hook, so on the CPU, with the weights the
  // last step left on the host (a GPU backend keeps the parameters there).
  const boundaryNet = net.backend === ctx.cpu ? net : net.withBackend(ctx.cpu);
  const total = totalSteps(prepared);
  const batchSize = resolveBatchSize(prepared.training.batchSize, sampleCount(splits.train));
  const points = hasPlaneInput(net) ? boundaryPoints(splits) : undefined;
  const frame = points && planeFrame(points.xy);

  function sendProgress(at: number): void {
    if (!last) return;
    lastEmit = at;
    const seconds = (at - started - pausedMs) / 1000;
    const stepsPerSecond = seconds > 0 ? last.step / seconds : 0;
    const left = Number.isFinite(total) && stepsPerSecond > 0 ? (total - last.step) / stepsPerSecond : null;
    const run: TrainRunProgress = {
      state: control.paused ? 'paused' : 'running',
      epoch: last.epoch,
      batchesPerEpoch: last.batchesPerEpoch,
      totalSteps: total,
      accuracy: last.epochAccuracy,
      valLoss: latestEpoch?.validationLoss,
      valAccuracy: latestEpoch?.validationAccuracy,
      learningRate: last.learningRate,
      stepsPerSecond,
      samplesPerSecond: stepsPerSecond * batchSize,
      secondsLeft: left,
      progress: Number.isFinite(total) ? Math.min(1, last.step / total) : 0,
      batches,
      epochs,
    };
    emit({ kind: 'event', type: 'train-progress', requestId, step: last.step, loss: last.loss, run });
    batches = [];
    epochs = [];
  }

  let pointsSent = false;
  function sendBoundary(at: number): void {
    if (!points || !frame) return;
    lastBoundary = at;
    const grid = boundaryGrid(boundaryNet, frame);
    emit({
      kind: 'event',
      type: 'decision-boundary',
      requestId,
      step: trainer.step,
      ...grid,
      ...(pointsSent ? {} : { points: copyPoints(points) }),
    });
    pointsSent = true;
  }

  sendBoundary(now());
  let reason: TrainDoneResult['reason'] = 'finished';
  let nonFinite: NonFiniteReport | undefined;
  try {
    const report = await trainer.run();
    if (report.stopped) reason = 'stopped';
  } catch (e) {
    if (ctx.lostDevice(e)) {
      // The weights of the last completed step are on the host: the run ends there, on the CPU.
      for (const t of net.paramTensors()) t.recoverHost();
      net = net.withBackend(ctx.cpu);
      reason = 'stopped';
    } else {
      if (!(e instanceof NonFiniteLossError)) throw e;
      reason = 'non-finite';
      nonFinite = nonFiniteReport(e);
    }
  }
  sendProgress(now());
  sendBoundary(now());
  await net.backend.download(net.paramTensors());
  const result: TrainDoneResult = {
    reason,
    model: net.toModel(),
    steps: trainer.step,
    epochs: trainer.history.length,
    seconds: (now() - started) / 1000,
    ...(await finalMetrics(net, splits)),
  };
  if (nonFinite) result.nonFinite = nonFinite;
  return result;
}
