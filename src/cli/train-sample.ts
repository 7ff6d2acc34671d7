import { createOptimizerFromConfig, trainOnBatch } from '../core';
import { UsageError } from './errors';
import { withEngineErrorsAsync } from './model-file';
import { backendJson, openNetwork } from './run-model';
import { formatNumber, formatTable } from './table';
import { describeRate, saveModel, type TrainRun } from './train-run';

/** Sample mode: full passes over the model's sample (or --input and --target), one update each. */
export async function trainOnSample(run: TrainRun): Promise<void> {
  const { parsed, print, training } = run;
  const steps = training.steps ?? training.epochs;
  if (steps === undefined) throw new UsageError('missing --steps N', 'train');
  const optimizer = training.optimizer;
  if (optimizer === undefined) throw new UsageError('missing --lr X', 'train');
  const { loaded, net, dtype, backend } = await openNetwork(
    'train',
    parsed,
    { loss: true, seed: training.seed },
    run.loaded,
  );
  const { file } = loaded;
  const { losses, finalLoss } = await withEngineErrorsAsync(file, async () => {
    const ctx = net.context();
    const result = await trainOnBatch(net, ctx, createOptimizerFromConfig(optimizer), steps);
    const final = await net.executor(ctx).runPassAndReadLoss();
    await backend.download(net.paramTensors());
    return { losses: result.losses, finalLoss: final ?? Number.NaN };
  });
  const model = net.toModel();
  const saved = saveModel(run.out, run.loaded.file, model);
  if (parsed.values.json) {
    print(`${JSON.stringify({ losses, finalLoss, backend: backendJson(backend), model })}\n`);
    return;
  }
  print(
    `${file}: ${steps} step${steps === 1 ? '' : 's'} of ${optimizer.type}, ${describeRate(optimizer)}, ${dtype}, batch ${loaded.plan.batch}, ${backend.description}\n\n`,
  );
  print(
    formatTable(
      [
        { header: 'step', align: 'right' },
        { header: 'loss', align: 'right' },
      ],
      lossRows(losses),
    ),
  );
  print(`\nloss ${formatNumber(losses[0])} before training, ${formatNumber(finalLoss)} after\n`);
  print(saved);
}

/** About ten rows: the first step, every k-th, and the last. */
export function lossRows(losses: number[]): string[][] {
  const every = Math.max(1, Math.ceil(losses.length / 10));
  const rows: string[][] = [];
  for (let step = 0; step < losses.length; step += every) rows.push([String(step), formatNumber(losses[step])]);
  const last = losses.length - 1;
  if (last % every !== 0) rows.push([String(last), formatNumber(losses[last])]);
  return rows;
}
