import { formatModel, type Optimizer, sgd, trainOnBatch } from '../../core';
import { choice, type ParsedArgs, positiveInteger, positiveNumber, requiredFlag, stringFlag } from '../args';
import { withEngineErrors, writeText } from '../model-file';
import { runOptions, runOptionsHelp } from '../options';
import { openNetwork } from '../run-model';
import { formatNumber, formatTable } from '../table';
import type { Print } from './index';

export const usage = `Usage: backprop-studio train <model.json> --steps N --lr X [--optimizer sgd] [--out trained.json] [--json]

Trains on the model's sample (or on --input and --target): each step is one forward and backward
pass over the whole batch and one optimizer update. Shows the loss as it falls.

Options:
  --steps N           number of updates (required)
  --lr X              learning rate (required)
  --optimizer NAME    sgd (default)
  --out FILE          write the trained model there, weights stored
${runOptionsHelp}
  --json              print { losses, finalLoss, model }: the loss before each update, the loss
                      after the last one, and the trained model
  -h, --help          show this help

Example:
  backprop-studio train resources/examples/xor-mlp.json --steps 2000 --lr 0.5 --out xor-trained.json`;

export const options = {
  ...runOptions,
  steps: { type: 'string' },
  lr: { type: 'string' },
  optimizer: { type: 'string' },
  out: { type: 'string' },
} as const;

const optimizers: Record<string, (lr: number) => Optimizer> = { sgd };

export function run(parsed: ParsedArgs, print: Print): void {
  const steps = positiveInteger('train', 'steps', requiredFlag('train', parsed, 'steps', 'N'));
  const lr = positiveNumber('train', 'lr', requiredFlag('train', parsed, 'lr', 'X'));
  const optimizerName = choice('train', 'optimizer', stringFlag(parsed, 'optimizer') ?? 'sgd', Object.keys(optimizers));
  const out = stringFlag(parsed, 'out');
  const { loaded, net, dtype } = openNetwork('train', parsed, { loss: true });
  const { file } = loaded;
  const { losses, finalLoss } = withEngineErrors(file, () => {
    const ctx = net.context();
    const result = trainOnBatch(net, ctx, optimizers[optimizerName](lr), steps);
    return { losses: result.losses, finalLoss: net.executor(ctx).runPass() ?? Number.NaN };
  });
  const model = net.toModel();
  if (out !== undefined) writeText(out, formatModel(model));
  if (parsed.values.json) {
    print(`${JSON.stringify({ losses, finalLoss, model })}\n`);
    return;
  }
  print(
    `${file}: ${steps} step${steps === 1 ? '' : 's'} of ${optimizerName}, lr ${lr}, ${dtype}, batch ${loaded.plan.batch}\n\n`,
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
  print(out === undefined ? 'model not saved (pass --out FILE to save it)\n' : `trained model written to ${out}\n`);
}

/** About ten rows: the first step, every k-th, and the last. */
function lossRows(losses: number[]): string[][] {
  const every = Math.max(1, Math.ceil(losses.length / 10));
  const rows: string[][] = [];
  for (let step = 0; step < losses.length; step += every) rows.push([String(step), formatNumber(losses[step])]);
  const last = losses.length - 1;
  if (last % every !== 0) rows.push([String(last), formatNumber(losses[last])]);
  return rows;
}
