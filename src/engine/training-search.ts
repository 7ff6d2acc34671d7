import {
  applyConfig,
  createProposer,
  type Dataset,
  dimensions,
  evaluate,
  type ModelJson,
  Network,
  NonFiniteLossError,
  type Scored,
  SearchError,
  searchTraining,
  splitTrainingData,
  Trainer,
  type TrialResult,
  trainerOptions,
} from '../core';
import { now } from '../core/train/clock';
import type { SearchDoneResult, SearchStartParams } from '../protocol/training';
import { RequestError } from './errors';
import type { RunContext } from './training-run';
import { splitMetrics } from './training-run';

function better(a: TrialResult, b: TrialResult | undefined): boolean {
  if (!b) return true;
  if (a.valLoss !== b.valLoss) return a.valLoss < b.valLoss;
  return (a.valAccuracy ?? 0) > (b.valAccuracy ?? 0);
}

/**
 * Core's hyperparameter search, trial by trial, yielding while each trial trains so that a stop
 * is honoured within a step. Every trial trains on the same splits with the section's seed and
 * is scored on the validation split; the best is evaluated once on the test split.
 */
export async function runSearch(
  params: SearchStartParams,
  dataset: Dataset,
  ctx: RunContext,
): Promise<SearchDoneResult> {
  const { model, space, method, trials } = params;
  const base = searchTraining(model, params.epochs);
  const splits = splitTrainingData(dataset, base);
  let proposer: ReturnType<typeof createProposer>;
  try {
    proposer = createProposer(method, dimensions(space), {
      seed: params.seed ?? base.seed,
      gridPoints: params.gridPoints,
    });
  } catch (e) {
    if (e instanceof SearchError) throw new RequestError({ code: 'bad-request', message: e.message });
    throw e;
  }
  const history: (Scored & { value: TrialResult })[] = [];
  let bestNet: Network | undefined;
  let best: TrialResult | undefined;
  while (history.length < trials && !ctx.control.stopped) {
    const config = proposer.next(history);
    if (!config) break;
    const index = history.length;
    const started = now();
    let applied: ModelJson;
    try {
      applied = applyConfig(model, config);
    } catch (e) {
      if (e instanceof SearchError) throw new RequestError({ code: 'bad-request', message: e.message });
      throw e;
    }
    const training = searchTraining(applied, params.epochs);
    const net = Network.fromModel(applied, { backend: ctx.backend, seed: training.seed });
    let result: TrialResult;
    try {
      const trainer = new Trainer(
        net,
        trainerOptions(training, splits, { shouldStop: () => ctx.control.stopped, yieldEveryMs: 20 }),
      );
      const report = await trainer.run();
      if (report.stopped) break;
      const validation = await evaluate(net, splits.validation);
      result = {
        index,
        config,
        valLoss: Number.isFinite(validation.loss) ? validation.loss : Number.POSITIVE_INFINITY,
        valAccuracy: validation.accuracy,
        trainLoss: trainer.history.at(-1)?.loss ?? Number.NaN,
        seconds: (now() - started) / 1000,
      };
      if (better(result, best)) {
        best = result;
        bestNet = net;
      }
    } catch (e) {
      if (!(e instanceof NonFiniteLossError)) throw e;
      const seconds = (now() - started) / 1000;
      result = { index, config, valLoss: Number.POSITIVE_INFINITY, trainLoss: Number.NaN, seconds, error: e.message };
    }
    history.push({ config, score: result.valLoss, value: result });
    ctx.emit({
      kind: 'event',
      type: 'search-trial',
      requestId: ctx.requestId,
      trial: result,
      completed: history.length,
      total: trials,
    });
  }
  const ranked = history.map((h) => h.value).sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : a.index - b.index));
  const done: SearchDoneResult = { ranked, stopped: ctx.control.stopped };
  if (ranked[0]) {
    done.best = ranked[0];
    done.bestConfig = ranked[0].config;
  }
  const test = bestNet ? await splitMetrics(bestNet, splits.test) : undefined;
  if (test) done.test = test;
  return done;
}
