import { augmentImages } from '../data/augment';
import { batchesPerEpoch, epochOrder, resolveBatchSize } from '../data/batches';
import { type Dataset, sampleCount, takeRows } from '../data/dataset';
import type { Executor } from '../graph/executor';
import { NodeRunError } from '../graph/executor';
import type { Network } from '../graph/network';
import type { Tensor } from '../tensor/tensor';
import { countCorrect, type PredictionReader, predictionReader } from './accuracy';
import { now, yieldToHost } from './clock';
import { evaluate } from './evaluate';
import type { EpochSummary, TrainerOptions, TrainProgress, TrainReport } from './fit-types';
import {
  firstNonFiniteGradient,
  firstNonFiniteOutput,
  firstNonFiniteParam,
  NonFiniteTrainingError,
} from './non-finite';
import type { Optimizer, ParamFilter } from './optimizer';
import { createOptimizerFromConfig } from './optimizer-factory';
import { deriveSeed } from './seeds';
import { trainableFilter } from './trainable';
import { applyOwnUpdates } from './trainer';
import { WeightSnapshot } from './weight-snapshot';

export type { EpochSummary, TrainerOptions, TrainProgress, TrainReport } from './fit-types';

/**
 * Mini-batch training of a network on a dataset: per-epoch seeded shuffles, an optimizer with its
 * schedule, validation after each epoch, progress after each step. trainStep() does one update;
 * run() loops, yielding to the host regularly so that stop() and pause() take effect between
 * steps. A non-finite value stops training with the weights from before the failing step.
 */
export class Trainer {
  readonly optimizer: Optimizer;
  readonly history: EpochSummary[] = [];
  private readonly ex: Executor;
  private readonly trainable: ParamFilter;
  private readonly reader: PredictionReader | undefined;
  private readonly snapshot: WeightSnapshot;
  private readonly batchSize: number;
  private readonly batches: number;
  private readonly maxSteps: number;
  private readonly seed: number;
  private stepsDone = 0;
  private epoch = 0;
  private batch = 0;
  private order: Uint32Array = new Uint32Array(0);
  private epochLossSum = 0;
  private epochCorrect = 0;
  private epochClassified = 0;
  private epochStarted = 0;
  private busyMs = 0;
  private samplesSeen = 0;
  private stopRequested = false;
  private paused = false;

  constructor(
    readonly net: Network,
    readonly options: TrainerOptions,
  ) {
    const n = sampleCount(options.train);
    if (n === 0) throw new Error(`training set '${options.train.name}' is empty`);
    if (net.plan.lossIds.length === 0)
      throw new NodeRunError(net.plan.nodes[0]?.id ?? '?', 'the model has no loss node to train on');
    const given = options.optimizer ?? { type: 'adam' };
    this.optimizer = 'step' in given ? given : createOptimizerFromConfig(given);
    this.batchSize = resolveBatchSize(options.batchSize ?? 32, n);
    this.batches = batchesPerEpoch(n, this.batchSize);
    const epochs = options.epochs ?? (options.steps === undefined ? 1 : Number.POSITIVE_INFINITY);
    this.maxSteps = Math.min(options.steps ?? Number.POSITIVE_INFINITY, epochs * this.batches);
    this.seed = options.seed ?? 0;
    this.ex = net.executor({ training: true });
    this.trainable = trainableFilter(net, options.frozen);
    this.reader = predictionReader(net.plan);
    this.snapshot = new WeightSnapshot(net.params);
  }

  get step(): number {
    return this.stepsDone;
  }

  get done(): boolean {
    return this.stepsDone >= this.maxSteps;
  }

  stop(): void {
    this.stopRequested = true;
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
  }

  /**
   * One update on the next mini-batch; undefined when training is done. Throws NonFiniteTrainingError.
   * Async because a GPU backend's results come back twice per step: the loss, the predictions and
   * a count of non-finite gradients after the pass, and the parameters after the update (the
   * snapshot, the finite check and every host view of the weights read them).
   */
  async trainStep(): Promise<TrainProgress | undefined> {
    if (this.done) return undefined;
    const started = now();
    const { train } = this.options;
    if (this.batch === 0) {
      this.order = epochOrder(sampleCount(train), this.seed, this.epoch, this.options.shuffle ?? true);
      this.epochLossSum = this.epochCorrect = this.epochClassified = 0;
      this.epochStarted = started;
    }
    const indices = this.order.subarray(this.batch * this.batchSize, (this.batch + 1) * this.batchSize);
    const learningRate = this.optimizer.learningRate();
    const { loss, targets } = await this.runPass(train, indices);
    const counted = this.countBatch(targets);
    await this.update();

    this.stepsDone++;
    this.samplesSeen += indices.length;
    this.epochLossSum += loss;
    const progress: TrainProgress = {
      step: this.stepsDone,
      epoch: this.epoch,
      batch: this.batch,
      batchesPerEpoch: this.batches,
      loss,
      accuracy: counted,
      epochLoss: this.epochLossSum / (this.batch + 1),
      epochAccuracy: this.epochClassified > 0 ? this.epochCorrect / this.epochClassified : undefined,
      learningRate,
      samplesPerSecond: 0,
    };
    this.batch++;
    if (this.batch === this.batches || this.done) await this.endEpoch(progress);
    this.busyMs += now() - started;
    progress.samplesPerSecond = this.busyMs > 0 ? (this.samplesSeen * 1000) / this.busyMs : 0;
    this.options.onProgress?.(progress);
    return progress;
  }

  /** Trains until done or stopped, letting the host's event loop run every yieldEveryMs. */
  async run(): Promise<TrainReport> {
    const started = now();
    const slice = this.options.yieldEveryMs ?? 20;
    let sliceStart = now();
    while (!this.done && !this.stopPolled()) {
      if (this.paused || this.options.shouldPause?.()) {
        await yieldToHost(10);
        sliceStart = now();
        continue;
      }
      await this.trainStep();
      if (now() - sliceStart >= slice) {
        await yieldToHost();
        sliceStart = now();
      }
    }
    return this.report(started);
  }

  private stopPolled(): boolean {
    if (this.options.shouldStop?.()) this.stopRequested = true;
    return this.stopRequested;
  }

  private async runPass(ds: Dataset, indices: Uint32Array): Promise<{ loss: number; targets: Tensor }> {
    const dtype = this.net.dtype;
    let inputs = takeRows(ds.inputs, indices);
    if (this.options.augment)
      inputs = augmentImages(inputs, this.options.augment, deriveSeed(this.seed, this.stepsDone, 1));
    const targets = takeRows(ds.targets, indices).cast(dtype);
    this.ex.ctx = {
      input: inputs.cast(dtype),
      target: targets,
      training: true,
      seed: deriveSeed(this.seed, this.stepsDone, 2),
    };
    this.ex.reset();
    this.ex.runBackward();
    const backend = this.net.backend;
    const prediction = this.reader && this.ex.outputs.get(this.reader.nodeId);
    const applied = [...this.ex.paramGrads].flatMap(([id, grads]) =>
      Object.entries(grads)
        .filter(([name]) => this.trainable(id, name))
        .map(([, g]) => g),
    );
    // The gradients are checked where they are: one count comes back instead of every gradient.
    const counts = applied.map((g) => backend.countNonFinite(g));
    const nonFinite = counts.length ? counts.reduce((a, b) => backend.add(a, b)) : undefined;
    await backend.download([
      ...this.ex.lossTensors(),
      ...(prediction ? [prediction] : []),
      ...(nonFinite ? [nonFinite] : []),
      // An optimizer that updates on the host reads the gradients there.
      ...(backend.applyUpdates ? [] : applied),
      ...this.snapshot.tensors,
    ]);
    const loss = this.ex.loss ?? Number.NaN;
    if (!Number.isFinite(loss)) {
      await backend.download(this.ex.heldTensors());
      throw new NonFiniteTrainingError(this.stepsDone, firstNonFiniteOutput(this.ex), 'forward');
    }
    if (nonFinite && nonFinite.data[0] > 0) {
      await backend.download(applied);
      throw new NonFiniteTrainingError(this.stepsDone, firstNonFiniteGradient(this.ex, this.trainable), 'backward');
    }
    return { loss, targets };
  }

  private countBatch(targets: Tensor): number | undefined {
    const prediction = this.reader && this.ex.outputs.get(this.reader.nodeId);
    const counted = prediction && this.reader ? countCorrect(prediction, targets, this.reader.logits) : undefined;
    if (!counted) return undefined;
    this.epochCorrect += counted.correct;
    this.epochClassified += counted.total;
    return counted.correct / counted.total;
  }

  // The update itself can overflow (a huge rate); the snapshot taken before it puts the weights back.
  private async update(): Promise<void> {
    this.snapshot.save();
    this.optimizer.step(this.net.backend, this.net.params, this.ex.paramGrads, this.trainable);
    applyOwnUpdates(this.net, this.ex);
    await this.net.backend.download(this.snapshot.tensors);
    if (this.snapshot.changedAllFinite()) return;
    const node = firstNonFiniteParam(this.ex, this.net.params);
    this.snapshot.restore();
    throw new NonFiniteTrainingError(this.stepsDone, node, 'update');
  }

  private async endEpoch(last: TrainProgress): Promise<void> {
    const validation =
      this.options.validation && sampleCount(this.options.validation) > 0
        ? await evaluate(this.net, this.options.validation)
        : undefined;
    const summary: EpochSummary = {
      epoch: this.epoch,
      loss: last.epochLoss,
      accuracy: last.epochAccuracy,
      validationLoss: validation?.loss,
      validationAccuracy: validation?.accuracy,
      step: this.stepsDone,
      seconds: (now() - this.epochStarted) / 1000,
    };
    this.history.push(summary);
    this.epoch++;
    this.batch = 0;
    this.options.onEpoch?.(summary);
  }

  private report(started: number): TrainReport {
    return {
      steps: this.stepsDone,
      epochs: this.history.length,
      history: this.history,
      stopped: !this.done,
      seconds: (now() - started) / 1000,
    };
  }
}
