import {
  batchesPerEpoch,
  type EpochSummary,
  type Evaluation,
  evaluate,
  type PreparedTraining,
  prepareTraining,
  sampleCount,
} from '../core';
import { stringFlag } from './args';
import { backendFlag, openBackend } from './backend-flag';
import { loadDataset } from './dataset-file';
import { UsageError } from './errors';
import { withEngineErrors, withEngineErrorsAsync } from './model-file';
import { ProgressView, percent } from './progress';
import { backendJson, dtypeFlag } from './run-model';
import { formatNumber, formatTable } from './table';
import { describeRate, saveModel, type TrainRun } from './train-run';

interface EpochRow {
  summary: EpochSummary;
  learningRate: number;
}

/**
 * Dataset mode: mini-batch training on the training section's data, validation after every
 * epoch, one test evaluation at the end. Progress goes to stderr; results (or JSON lines) to stdout.
 */
export async function trainOnDataset(run: TrainRun): Promise<void> {
  const { parsed, print, loaded, training } = run;
  for (const flag of ['input', 'target']) {
    if (stringFlag(parsed, flag) !== undefined)
      throw new UsageError(`--${flag} is for training on the sample, not on --dataset`, 'train');
  }
  const spec = training.dataset;
  if (!spec) throw new UsageError('missing --dataset', 'train');
  const dtype = dtypeFlag('train', parsed);
  const chosen = backendFlag('train', parsed, dtype);
  const dataset = loadDataset(spec, loaded.file, loaded.plan);
  const backend = await openBackend('train', chosen, dtype);
  const json = Boolean(parsed.values.json);
  const rows: EpochRow[] = [];
  let view: ProgressView | undefined;
  let prepared: PreparedTraining | undefined;
  const onEpochDone = (row: EpochRow) => {
    rows.push(row);
    view?.epoch(row.summary, row.learningRate);
    if (json) print(`${JSON.stringify(epochJson(row))}\n`);
  };
  prepared = withEngineErrors(loaded.file, () =>
    prepareTraining(loaded.model, dataset, {
      backend,
      dtype,
      hooks: {
        onProgress(p) {
          view?.step(p);
          const history = prepared?.trainer.history ?? [];
          // The trainer closes an epoch before reporting its last step: emit it with that step's rate.
          if (history.length > rows.length)
            onEpochDone({ summary: history[rows.length], learningRate: p.learningRate });
        },
      },
    }),
  );
  const { trainer, splits, net, training: resolved } = prepared;
  const batches = batchesPerEpoch(sampleCount(splits.train), resolved.batchSize);
  const epochs = resolved.epochs ?? (resolved.steps === undefined ? 1 : Number.POSITIVE_INFINITY);
  const steps = Math.min(resolved.steps ?? Number.POSITIVE_INFINITY, epochs * batches);
  view = new ProgressView(process.stderr, { steps, epochs: Math.ceil(steps / batches) }, json);
  let seconds = 0;
  try {
    seconds = (await withEngineErrorsAsync(loaded.file, () => trainer.run())).seconds;
  } finally {
    view.finish();
  }
  const final = await withEngineErrorsAsync(loaded.file, async () => ({
    train: await evaluate(net, splits.train),
    validation: sampleCount(splits.validation) ? await evaluate(net, splits.validation) : undefined,
    test: sampleCount(splits.test) ? await evaluate(net, splits.test) : undefined,
  }));
  await backend.download(net.paramTensors());
  const model = net.toModel();
  const saved = saveModel(run.out, run.loaded.file, model);
  if (json) {
    const scores = Object.fromEntries(Object.entries(final).map(([k, v]) => [k, v ? score(v) : null]));
    const done = { done: true, steps: trainer.step, epochs: rows.length, seconds, ...scores };
    print(`${JSON.stringify({ ...done, backend: backendJson(backend), model })}\n`);
    return;
  }
  const { optimizer } = resolved;
  print(
    `${loaded.file}: ${rows.length} epoch${rows.length === 1 ? '' : 's'} (${trainer.step} steps) of ${optimizer.type}, ${describeRate(optimizer)}, ` +
      `batch ${resolved.batchSize}, ${dtype}, ${backend.description}, on ${dataset.name}\n` +
      `samples: ${sampleCount(splits.train)} train, ${sampleCount(splits.validation)} validation, ${sampleCount(splits.test)} test\n\n`,
  );
  print(epochTable(rows));
  print('\n');
  for (const [name, e] of Object.entries(final)) if (e) print(`${name}: ${describe(e)}\n`);
  print(saved);
}

function epochJson({ summary: e, learningRate }: EpochRow) {
  return {
    epoch: e.epoch + 1,
    step: e.step,
    loss: e.loss,
    accuracy: e.accuracy ?? null,
    valLoss: e.validationLoss ?? null,
    valAccuracy: e.validationAccuracy ?? null,
    learningRate,
  };
}

function score(e: Evaluation): { loss: number; accuracy: number | null } {
  return { loss: e.loss, accuracy: e.accuracy ?? null };
}

function describe(e: Evaluation): string {
  return `loss ${formatNumber(e.loss)}${e.accuracy === undefined ? '' : `, accuracy ${percent(e.accuracy)}`} (${e.samples} samples)`;
}

/** About ten rows: the first epoch, every k-th, and the last. */
function epochTable(rows: EpochRow[]): string {
  const every = Math.max(1, Math.ceil(rows.length / 10));
  const shown = rows.filter((_, i) => i % every === 0 || i === rows.length - 1);
  const cell = (v: number | undefined, f: (x: number) => string) => (v === undefined ? '-' : f(v));
  return formatTable(
    ['epoch', 'step', 'loss', 'accuracy', 'val loss', 'val accuracy', 'lr'].map((header) => ({
      header,
      align: 'right' as const,
    })),
    shown.map(({ summary: e, learningRate }) => [
      String(e.epoch + 1),
      String(e.step),
      formatNumber(e.loss),
      cell(e.accuracy, percent),
      cell(e.validationLoss, formatNumber),
      cell(e.validationAccuracy, percent),
      formatNumber(learningRate),
    ]),
  );
}
