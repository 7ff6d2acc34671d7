import type { BatchSize } from '../data/batches';
import { type Dataset, sampleCount, takeRows } from '../data/dataset';
import type { Network } from '../graph/network';
import type { PassContext } from '../layers/kind';
import { Trainer } from '../train/fit';
import { NonFiniteTrainingError } from '../train/non-finite';
import type { OptimizerConfig } from '../train/optimizer-factory';
import { type InspectOptions, inspectNetwork, type NetworkInspection } from './inspect-network';

export interface TrainThenInspectOptions extends InspectOptions {
  /** Steps of the fit trainer before inspecting; 0 inspects the network as it is. */
  steps?: number;
  /** The data to train on; needed when steps > 0. */
  train?: Dataset;
  /** The trainer's defaults (Adam, batches of 32, seed 0) where left out. */
  optimizer?: OptimizerConfig;
  batchSize?: BatchSize;
  seed?: number;
  /** The batch the inspected pass runs on, with its targets. */
  probe: PassContext;
}

export interface TrainingSummary {
  /** Updates made (fewer than asked when training stopped). */
  steps: number;
  /** Each step's batch loss, before its update. */
  losses: number[];
  /** Why training stopped early: a non-finite loss, gradient or weight (the weights are from before that step). */
  stopped?: string;
}

export interface TrainedInspection {
  training?: TrainingSummary;
  inspection: NetworkInspection;
}

/**
 * Trains a few steps, then inspects one pass on the probe batch. A step that produces a
 * non-finite value ends training without throwing: exploding gradients are what the inspection
 * is about, so the network is inspected as it was just before.
 */
export async function trainThenInspect(net: Network, options: TrainThenInspectOptions): Promise<TrainedInspection> {
  const steps = options.steps ?? 0;
  let training: TrainingSummary | undefined;
  if (steps > 0) {
    if (!options.train) throw new RangeError('training before inspecting needs a dataset');
    training = { steps: 0, losses: [] };
    const summary = training;
    const trainer = new Trainer(net, {
      train: options.train,
      optimizer: options.optimizer,
      batchSize: options.batchSize,
      steps,
      seed: options.seed,
      onProgress: (p) => {
        summary.steps = p.step;
        summary.losses.push(p.loss);
      },
    });
    try {
      await trainer.run();
    } catch (e) {
      if (!(e instanceof NonFiniteTrainingError)) throw e;
      summary.stopped = e.message;
    }
  }
  return { training, inspection: await inspectNetwork(net, options.probe, options) };
}

/** The first samples of a dataset (as many as a batch holds) as the context of an inspected pass. */
export function probeBatch(ds: Dataset, size: number, net: Network): PassContext {
  const n = Math.min(size, sampleCount(ds));
  const rows = Array.from({ length: n }, (_, i) => i);
  return {
    input: takeRows(ds.inputs, rows).cast(net.dtype),
    target: takeRows(ds.targets, rows).cast(net.dtype),
    training: true,
  };
}
