import type { Executor } from '../graph/executor';
import type { Network } from '../graph/network';
import type { Tensor } from '../tensor/tensor';
import type { TrainProgress } from '../train/fit-types';
import { DEFAULT_BINS, type Histogram, histogram, type ValueStats, valueStats } from './histogram';

export interface PreActivationRecorderOptions {
  /** The node whose input is recorded: an activation, to see its pre-activations. */
  nodeId: string;
  /** A fixed batch of model inputs run at every recording, so that only the weights change between records. */
  probe: Tensor;
  bins?: number;
  /** Range of every histogram; without it, the first record's range widened by half on each side. */
  range?: readonly [number, number];
  /** Record every this many steps from onProgress; 1 by default. */
  every?: number;
  /** Seed of the probe passes (the same dropout masks every time); 0 by default. */
  seed?: number;
}

/** The distribution of the recorded node's input after some number of training steps. */
export interface PreActivationRecord {
  step: number;
  stats: ValueStats;
  histogram: Histogram;
}

/**
 * Records a node's input distribution over training, for showing internal covariate shift: as
 * the layers before it learn, what this node receives moves. Each record runs a forward pass in
 * training mode (batch norm uses the probe's own statistics, as it does while training) on the
 * same probe batch, up to the node only, so no target is needed. Pass `onProgress` to a Trainer.
 */
export class PreActivationRecorder {
  readonly records: PreActivationRecord[] = [];
  readonly inputId: string;
  private readonly ex: Executor;
  private range: readonly [number, number] | undefined;

  constructor(
    readonly net: Network,
    readonly options: PreActivationRecorderOptions,
  ) {
    const node = net.plan.byId.get(options.nodeId);
    if (!node) throw new RangeError(`the model has no node '${options.nodeId}'`);
    const [inputId] = node.inputs;
    if (inputId === undefined) throw new RangeError(`node '${options.nodeId}' has no input to record`);
    this.inputId = inputId;
    this.range = options.range;
    this.ex = net.executor({ input: options.probe.cast(net.dtype), training: true, seed: options.seed ?? 0 });
  }

  /** Records the distribution with the network's current weights, labelled with the step given. */
  record(step: number): PreActivationRecord {
    this.ex.reset();
    while (!this.ex.outputs.has(this.inputId) && this.ex.stepForward());
    const values = this.ex.outputs.get(this.inputId);
    if (!values) throw new RangeError(`node '${this.inputId}' did not run`);
    const stats = valueStats(values.data);
    if (!this.range) this.range = widened(stats);
    const record = {
      step,
      stats,
      histogram: histogram(values.data, { bins: this.options.bins ?? DEFAULT_BINS, range: this.range }),
    };
    this.records.push(record);
    return record;
  }

  /** For TrainerOptions.onProgress: records after every `every` steps. */
  readonly onProgress = (progress: TrainProgress): void => {
    if (progress.step % (this.options.every ?? 1) === 0) this.record(progress.step);
  };
}

function widened(stats: ValueStats): [number, number] {
  if (stats.count === 0) return [-1, 1];
  const half = Math.max((stats.max - stats.min) / 2, 1e-6);
  return [stats.min - half, stats.max + half];
}

/** How far the distribution moved from the first record, in units of the first record's spread. */
export interface DistributionShift {
  step: number;
  /** |mean - first mean| / first std. */
  meanShift: number;
  /** std / first std. */
  stdRatio: number;
}

export function distributionShift(records: readonly PreActivationRecord[]): DistributionShift[] {
  const [first] = records;
  if (!first) return [];
  const spread = first.stats.std > 0 ? first.stats.std : 1;
  return records.map((r) => ({
    step: r.step,
    meanShift: Math.abs(r.stats.mean - first.stats.mean) / spread,
    stdRatio: r.stats.std / spread,
  }));
}
