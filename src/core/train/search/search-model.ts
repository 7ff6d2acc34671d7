import type { Backend } from '../../backend/backend';
import type { Dataset } from '../../data/dataset';
import type { Splits } from '../../data/split';
import type { ModelJson } from '../../graph/model';
import { Network } from '../../graph/network';
import { now } from '../clock';
import { type Evaluation, evaluate } from '../evaluate';
import { Trainer } from '../fit';
import { type ResolvedTraining, resolveTraining, splitTrainingData, trainerOptions } from '../from-model';
import { NonFiniteLossError } from '../trainer';
import { type ApplyConfigOptions, applyConfig } from './apply-config';
import { createProposer, runSearch, type SearchMethod } from './proposers';
import { dimensions, type SearchConfig, SearchError, type SearchSpace } from './space';

export interface HyperSearchOptions extends ApplyConfigOptions {
  space: SearchSpace;
  method: SearchMethod;
  /** Trials at most (a grid or a small space may hold fewer). */
  trials: number;
  backend: Backend;
  /** Seeds the proposals (default: the training section's seed). Every trial trains with the section's seed. */
  seed?: number;
  gridPoints?: number;
  /** Epochs per trial, instead of the training section's. */
  epochs?: number;
  onTrial?: (trial: TrialResult) => void;
}

export interface TrialResult {
  /** From 0, in the order the trials ran. */
  index: number;
  config: SearchConfig;
  /** Scored on the validation split after training on the train split; Infinity when training failed. */
  valLoss: number;
  valAccuracy?: number;
  trainLoss: number;
  seconds: number;
  /** Why training failed (a non-finite loss), if it did. */
  error?: string;
}

export interface HyperSearchResult {
  /** Best first: by validation loss, then validation accuracy. */
  ranked: TrialResult[];
  best: TrialResult;
  /** The best config's trained network on the test split; undefined without a test split. */
  test?: Evaluation;
  /** The model with the best config applied (its stored weights kept where they still fit). */
  bestModel: ModelJson;
  splits: Splits;
}

/** Hyperparameters are chosen on a validation split: 20% (and 20% for the test) when the model sets none. */
export function searchTraining(model: ModelJson, epochs?: number): ResolvedTraining {
  const training = resolveTraining(model.training);
  const split = training.split.validation > 0 ? training.split : { validation: 0.2, test: 0.2 };
  return epochs === undefined ? { ...training, split } : { ...training, split, epochs, steps: undefined };
}

/**
 * Searches hyperparameters: each trial applies a config to the model, trains it on the train
 * split (same splits and seed for every trial) and scores it by its validation loss. The best
 * trial's trained network is then evaluated once on the test split.
 */
export async function searchHyperparameters(
  model: ModelJson,
  dataset: Dataset,
  options: HyperSearchOptions,
): Promise<HyperSearchResult> {
  const base = searchTraining(model, options.epochs);
  const splits = splitTrainingData(dataset, base);
  const proposer = createProposer(options.method, dimensions(options.space), {
    seed: options.seed ?? base.seed,
    gridPoints: options.gridPoints,
  });
  let bestNet: Network | undefined;
  let bestSoFar: TrialResult | undefined;
  const trials = (
    await runSearch(proposer, options.trials, async (config, index) => {
      const { result, net } = await runTrial(model, config, splits, options, index);
      if (net && better(result, bestSoFar)) {
        bestNet = net;
        bestSoFar = result;
      }
      options.onTrial?.(result);
      return { score: result.valLoss, value: result };
    })
  ).map((t) => t.value);
  if (trials.length === 0) throw new SearchError('the search space holds no config to try');
  const ranked = [...trials].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : a.index - b.index));
  const best = ranked[0];
  const test = bestNet && splits.test.inputs.shape[0] > 0 ? await evaluate(bestNet, splits.test) : undefined;
  return { ranked, best, test, bestModel: applyConfig(model, best.config, options), splits };
}

async function runTrial(
  model: ModelJson,
  config: SearchConfig,
  splits: Splits,
  options: HyperSearchOptions,
  index: number,
): Promise<{ result: TrialResult; net?: Network }> {
  const started = now();
  const applied = applyConfig(model, config, options);
  const training = searchTraining(applied, options.epochs);
  const net = Network.fromModel(applied, { backend: options.backend, seed: training.seed });
  const seconds = () => (now() - started) / 1000;
  try {
    const trainer = new Trainer(net, trainerOptions(training, splits));
    await trainer.run();
    const validation = await evaluate(net, splits.validation);
    const trainLoss = trainer.history.at(-1)?.loss ?? Number.NaN;
    const valLoss = Number.isFinite(validation.loss) ? validation.loss : Number.POSITIVE_INFINITY;
    return { result: { index, config, valLoss, valAccuracy: validation.accuracy, trainLoss, seconds: seconds() }, net };
  } catch (e) {
    if (!(e instanceof NonFiniteLossError)) throw e;
    const failed = { index, config, valLoss: Number.POSITIVE_INFINITY, trainLoss: Number.NaN, seconds: seconds() };
    return { result: { ...failed, error: e.message } };
  }
}

function better(a: TrialResult, b: TrialResult | undefined): boolean {
  if (!b) return true;
  if (a.valLoss !== b.valLoss) return a.valLoss < b.valLoss;
  return (a.valAccuracy ?? 0) > (b.valAccuracy ?? 0);
}
