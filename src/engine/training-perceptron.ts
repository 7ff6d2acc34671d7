import {
  type Dataset,
  type ModelJson,
  Network,
  PerceptronError,
  resolveTraining,
  sampleCount,
  splitDataset,
  trainPerceptron,
} from '../core';
import { now, yieldToHost } from '../core/train/clock';
import type { TrainDoneResult } from '../protocol/training';
import { RequestError } from './errors';
import { boundaryGrid, copyPoints, hasPlaneInput, planeFrame } from './training-boundary';
import { waitWhilePaused } from './training-control';
import { finalMetrics, type RunContext } from './training-run';

/** A pause between passes, so that the truth table can be watched changing (the rule itself takes microseconds). */
export const PERCEPTRON_EPOCH_MS = 250;

function outputsOf(data: Dataset, weights: number[], bias: number): number[] {
  const n = sampleCount(data);
  const features = weights.length;
  return Array.from({ length: n }, (_, i) => {
    let sum = bias;
    for (let j = 0; j < features; j++) sum += weights[j] * data.inputs.data[i * features + j];
    return sum > 0 ? 1 : 0;
  });
}

function rows(data: Dataset): { inputs: number[][]; targets: number[] } {
  const n = sampleCount(data);
  const width = n ? data.inputs.size / n : 0;
  return {
    inputs: Array.from({ length: n }, (_, i) => Array.from(data.inputs.data.subarray(i * width, (i + 1) * width))),
    targets: Array.from(data.targets.data.subarray(0, n)),
  };
}

/**
 * Rosenblatt's rule, one pass at a time: after each pass the engine reports the errors, the
 * weights and the unit's output for every sample, then waits a moment before the next.
 */
export async function runPerceptron(model: ModelJson, dataset: Dataset, ctx: RunContext): Promise<TrainDoneResult> {
  const { control, requestId, emit } = ctx;
  const started = now();
  const training = resolveTraining(model.training);
  const rate = training.optimizer.learningRate ?? 1;
  if (typeof rate !== 'number') {
    throw new RequestError({
      code: 'run-error',
      message: 'the perceptron rule takes a fixed learning rate, not a schedule',
    });
  }
  const net = Network.fromModel(model, { backend: ctx.backend, seed: training.seed });
  const maxEpochs = training.epochs ?? 100;
  const samples = rows(dataset);
  const points = hasPlaneInput(net)
    ? {
        xy: Float32Array.from(samples.inputs.flat()),
        labels: Uint8Array.from(samples.targets, (t) => (t > 0 ? 1 : 0)),
        splits: new Uint8Array(samples.targets.length),
      }
    : undefined;
  const frame = points && planeFrame(points.xy);
  let epoch = 0;
  let converged = false;
  for (; epoch < maxEpochs && !control.stopped; epoch++) {
    await waitWhilePaused(control, yieldToHost);
    if (control.stopped) break;
    let pass: ReturnType<typeof trainPerceptron>['epochs'][number] | undefined;
    try {
      pass = trainPerceptron(net, dataset, { learningRate: rate, epochs: 1 }).epochs[0];
    } catch (e) {
      if (e instanceof PerceptronError) throw new RequestError({ code: 'run-error', message: e.message });
      throw e;
    }
    if (!pass) break;
    const outputs = outputsOf(dataset, pass.weights, pass.bias);
    const correct = outputs.filter((o, i) => o === samples.targets[i]).length;
    emit({
      kind: 'event',
      type: 'perceptron-epoch',
      requestId,
      epoch,
      errors: pass.errors,
      weights: pass.weights,
      bias: pass.bias,
      outputs,
      ...(epoch === 0 ? { samples } : {}),
    });
    emit({
      kind: 'event',
      type: 'train-progress',
      requestId,
      step: epoch + 1,
      loss: pass.errors,
      run: {
        state: 'running',
        epoch,
        batchesPerEpoch: 1,
        totalSteps: maxEpochs,
        accuracy: correct / Math.max(1, outputs.length),
        learningRate: rate,
        stepsPerSecond: 0,
        samplesPerSecond: 0,
        secondsLeft: null,
        progress: (epoch + 1) / maxEpochs,
        batches: [],
        epochs: [
          {
            epoch,
            loss: pass.errors,
            accuracy: correct / Math.max(1, outputs.length),
            step: epoch + 1,
            seconds: (now() - started) / 1000,
          },
        ],
      },
    });
    if (points) {
      const grid = boundaryGrid(net, frame ?? planeFrame(points.xy));
      emit({
        kind: 'event',
        type: 'decision-boundary',
        requestId,
        step: epoch + 1,
        ...grid,
        ...(epoch === 0 ? { points: copyPoints(points) } : {}),
      });
    }
    if (pass.errors === 0) {
      converged = true;
      epoch++;
      break;
    }
    await yieldToHost(PERCEPTRON_EPOCH_MS);
  }
  const splits = splitDataset(dataset, { train: 1 }, training.seed);
  return {
    reason: converged || epoch >= maxEpochs ? 'finished' : 'stopped',
    model: net.toModel(),
    steps: epoch,
    epochs: epoch,
    seconds: (now() - started) / 1000,
    converged,
    ...(await finalMetrics(net, splits)),
  };
}
