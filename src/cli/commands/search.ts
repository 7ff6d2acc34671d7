import {
  type HyperSearchResult,
  type SearchConfig,
  type SearchMethod,
  sampleCount,
  searchHyperparameters,
  searchMethods,
  type TrialResult,
} from '../../core';
import { choice, type ParsedArgs, positiveInteger, stringFlag, takePositionals } from '../args';
import { backendFlag, backendOptions, backendOptionsHelp, openBackend } from '../backend-flag';
import { loadDataset } from '../dataset-file';
import { UsageError } from '../errors';
import { readModelFile, withEngineErrorsAsync } from '../model-file';
import { commonOptions } from '../options';
import { percent } from '../progress';
import { backendJson } from '../run-model';
import { spaceFromFlags, spaceOptions, spaceOptionsHelp } from '../search-flags';
import { formatNumber, formatTable } from '../table';
import { saveModel } from '../train-run';
import { checkTraining, dataOptions, dataOptionsHelp, withDataFlags } from '../training-flags';
import type { Print } from './index';

const DEFAULT_TRIALS = 10;
const columnOrder: (keyof SearchConfig)[] = ['learningRate', 'batchSize', 'units', 'activation', 'optimizer'];

export const usage = `Usage: backprop-studio search <model.json> --method grid|random|lipo [space] [--trials N] [--epochs E] [--json] [--out best.json]

Searches hyperparameters. Each trial applies a config to the model, trains it on the training
split (same split, seed and initial weights every time) and scores it by its loss on the
validation split; the best config's trained network is then evaluated once on the test split.
Without a split in the model, 20% of the samples validate and 20% test.

Methods: grid (every combination; a --lr range gives --grid-points rates), random (seeded draws),
lipo (LIPO global optimisation: a Lipschitz bound on the validation loss picks where to look).

The space (a dimension left out keeps the model's setting):
${spaceOptionsHelp}
  --units-node ID     the dense node --units resizes

Options:
  --method M          ${searchMethods.join(', ')} (default lipo)
  --trials N          trials at most (default: the whole grid, else ${DEFAULT_TRIALS})
  --grid-points N     grid: rates taken from a --lr range (default 3)
  --epochs E          epochs per trial (default: the training section's)
${dataOptionsHelp}
${backendOptionsHelp}
  --out FILE          write the model with the best config applied (weights kept where they fit)
  --json              print { method, trials: [...] best first, best, test, backend }
  -h, --help          show this help

Example:
  backprop-studio search resources/examples/xor-mlp.json --dataset xor --method lipo --trials 12 \\
    --lr 1e-3:1e-1 --units 2,4,8 --activation relu,tanh --optimizer sgd,adam --epochs 50`;

export const options = {
  ...commonOptions,
  ...dataOptions,
  ...spaceOptions,
  ...backendOptions,
  method: { type: 'string' },
  trials: { type: 'string' },
  'grid-points': { type: 'string' },
  epochs: { type: 'string' },
  out: { type: 'string' },
} as const;

export async function run(parsed: ParsedArgs, print: Print): Promise<void> {
  const [file] = takePositionals('search', parsed.positionals, ['<model.json>']);
  const flag = (name: string) => stringFlag(parsed, name);
  const method = choice<SearchMethod>('search', 'method', flag('method') ?? 'lipo', searchMethods);
  const space = spaceFromFlags('search', parsed);
  const count = (name: string) => {
    const text = flag(name);
    return text === undefined ? undefined : positiveInteger('search', name, text);
  };
  const trials = count('trials') ?? (method === 'grid' ? Number.POSITIVE_INFINITY : DEFAULT_TRIALS);
  // Trials train in float32: the search has no --dtype.
  const chosen = backendFlag('search', parsed, 'float32');
  const loaded = readModelFile(file);
  const training = checkTraining(withDataFlags('search', parsed, loaded), file);
  if (!training.dataset)
    throw new UsageError('needs data: pass --dataset, or give the model a training.dataset', 'search');
  const model = { ...loaded.model, training };
  const dataset = loadDataset(training.dataset, file, loaded.plan);
  const json = Boolean(parsed.values.json);
  const backend = await openBackend('search', chosen, 'float32');
  const result = await withEngineErrorsAsync(file, () =>
    searchHyperparameters(model, dataset, {
      space,
      method,
      trials,
      backend,
      unitsNode: flag('units-node'),
      gridPoints: count('grid-points'),
      epochs: count('epochs'),
      onTrial: (t) => {
        if (!json) process.stderr.write(`trial ${t.index + 1}: ${describeConfig(t.config)}: ${describeScore(t)}\n`);
      },
    }),
  );
  const saved = saveModel(flag('out'), file, result.bestModel, 'model with the best config');
  if (json) {
    const test = result.test ? { loss: result.test.loss, accuracy: result.test.accuracy ?? null } : null;
    print(
      `${JSON.stringify({ method, trials: result.ranked, best: result.best, test, backend: backendJson(backend) })}\n`,
    );
    return;
  }
  print(report(file, `${method} search on ${backend.description}`, result, dataset.name));
  print(`\n${saved}`);
}

function report(file: string, what: string, r: HyperSearchResult, data: string): string {
  const { splits } = r;
  const keys = columnOrder.filter((k) => k in r.best.config);
  const header =
    `${file}: ${what}, ${r.ranked.length} trials on ${data} ` +
    `(${sampleCount(splits.train)} train, ${sampleCount(splits.validation)} validation, ${sampleCount(splits.test)} test samples)\n\n`;
  const table = formatTable(
    [
      { header: 'rank', align: 'right' },
      ...keys.map((k) => ({ header: k, align: 'right' as const })),
      { header: 'val loss', align: 'right' },
      { header: 'val accuracy', align: 'right' },
      { header: 'seconds', align: 'right' },
    ],
    r.ranked.map((t, i) => [
      String(i + 1),
      ...keys.map((k) => configValue(t.config[k])),
      formatNumber(t.valLoss),
      t.valAccuracy === undefined ? '-' : percent(t.valAccuracy),
      t.seconds.toFixed(2),
    ]),
  );
  const test = r.test
    ? `test (best config): loss ${formatNumber(r.test.loss)}${r.test.accuracy === undefined ? '' : `, accuracy ${percent(r.test.accuracy)}`}\n`
    : 'no test split: the best config was not tested\n';
  return `${header}${table}\nbest: ${describeConfig(r.best.config)} (${describeScore(r.best)})\n${test}`;
}

function configValue(v: SearchConfig[keyof SearchConfig]): string {
  return typeof v === 'number' ? formatNumber(v) : String(v ?? '-');
}

function describeConfig(config: SearchConfig): string {
  return (Object.entries(config) as [keyof SearchConfig, SearchConfig[keyof SearchConfig]][])
    .map(([k, v]) => `${k} ${configValue(v)}`)
    .join(', ');
}

function describeScore(t: TrialResult): string {
  if (t.error) return `failed: ${t.error}`;
  return `val loss ${formatNumber(t.valLoss)}${t.valAccuracy === undefined ? '' : `, val accuracy ${percent(t.valAccuracy)}`}`;
}
