import {
  type Dataset,
  DEFAULT_SATURATION_THRESHOLD,
  datasetFromSample,
  datasetNames,
  gradientFlowDefaults,
  Network,
  probeBatch,
  remedyText,
  resolveTraining,
  sampleCount,
  type TrainedInspection,
  trainThenInspect,
} from '../../core';
import { choice, nonNegativeInteger, type ParsedArgs, positiveNumber, stringFlag, takePositionals } from '../args';
import { backendFlag, openBackend } from '../backend-flag';
import { loadDataset } from '../dataset-file';
import { CliError } from '../errors';
import { readModelFile, requireSample, withEngineErrors, withEngineErrorsAsync, withSampleFlags } from '../model-file';
import { runOptions, runOptionsHelp } from '../options';
import { backendJson, dtypeFlag } from '../run-model';
import { formatNumber, formatTable } from '../table';
import type { Print } from './index';

const { vanishingRatio, explodingFactor } = gradientFlowDefaults;

export const usage = `Usage: backprop-studio inspect <model.json> [--dataset D] [--steps N] [--backend B] [--json]

Shows what the inspector panels show, from one forward and backward pass: every node's
activations (mean, standard deviation, range, the share of saturated sigmoid/tanh values and of
dead ReLU units), every layer's gradient sizes from the loss backwards, and the layers whose
gradient vanished or exploded, explained with the numbers and with what to try.

The pass runs on the model's sample (or --input and --target), or with --dataset on the first
batch of that set. With --steps N the fit trainer first trains N steps: on --dataset, else on the
training section's dataset, else on the sample; with the section's optimizer, batch size and
seed, or the trainer's defaults (Adam, batches of 32). A step that turns the loss or a gradient
non-finite ends training there; the network is inspected as it was before that step.

Options:
  --dataset D         ${datasetNames.join(', ')}: train on this set and inspect its first
                      batch
  --steps N           training steps before inspecting (default 0: the network as it is)
  --vanishing X       flag a layer whose weight gradient is below X times the last layer's
                      (default ${vanishingRatio})
  --exploding X       flag a gradient growing by X or more per layer going back (default ${explodingFactor})
  --saturation X      a sigmoid/tanh value is saturated where its slope is below X
                      (default ${DEFAULT_SATURATION_THRESHOLD})
${runOptionsHelp}
  --json              print { file, dtype, backend, data, training, loss, activations, gradients,
                      flow }: backend is { name, description }; training is null or { steps,
                      losses, stopped?, dataset }; per-channel maps of conv outputs are left out
  -h, --help          show this help

Example:
  backprop-studio inspect resources/examples/deep-sigmoid-vanishing.json`;

export const options = {
  ...runOptions,
  dataset: { type: 'string' },
  steps: { type: 'string' },
  vanishing: { type: 'string' },
  exploding: { type: 'string' },
  saturation: { type: 'string' },
} as const;

export async function run(parsed: ParsedArgs, print: Print): Promise<void> {
  const flag = (name: string) => stringFlag(parsed, name);
  const [file] = takePositionals('inspect', parsed.positionals, ['<model.json>']);
  const thresholds = readThresholds(parsed);
  const stepsText = flag('steps');
  const steps = stepsText === undefined ? 0 : nonNegativeInteger('inspect', 'steps', stepsText);
  const datasetName = flag('dataset');
  const named = datasetName === undefined ? undefined : choice('inspect', 'dataset', datasetName, datasetNames);
  const dtype = dtypeFlag('inspect', parsed);
  const chosen = backendFlag('inspect', parsed, dtype);
  const loaded = withSampleFlags(readModelFile(file), { input: flag('input'), target: flag('target') });
  if (loaded.plan.lossIds.length === 0)
    throw new CliError(`${file}: the model has no loss node, so no gradient to inspect; connect one to its output`);
  if (!named) requireSample(loaded, true);
  const training = resolveTraining(loaded.model.training);
  const seedText = flag('seed');
  const seed = seedText === undefined ? training.seed : nonNegativeInteger('inspect', 'seed', seedText);
  // Training data: --dataset, else the section's dataset, else the sample; without training, only --dataset.
  const spec = named ? { name: named } : steps > 0 ? training.dataset : undefined;
  const dataset: Dataset | undefined = spec
    ? loadDataset(spec, file, loaded.plan)
    : steps > 0
      ? withEngineErrors(file, () => datasetFromSample(loaded.model))
      : undefined;
  const backend = await openBackend('inspect', chosen, dtype);
  const result = await withEngineErrorsAsync(file, () => {
    const net = Network.fromModel(loaded.model, { backend, dtype, seed });
    const batch = typeof training.batchSize === 'number' ? training.batchSize : Number.POSITIVE_INFINITY;
    const probe = named && dataset ? probeBatch(dataset, batch, net) : net.context();
    const { optimizer, batchSize } = training;
    return trainThenInspect(net, {
      ...thresholds,
      steps,
      train: dataset,
      optimizer,
      batchSize,
      seed,
      probe,
      withoutMaps: true,
    });
  });
  const data = named && dataset ? `the first samples of ${dataset.name}` : "the model's sample";
  if (parsed.values.json) {
    const { training: trained, inspection } = result;
    const trainedJson = trained ? { ...trained, dataset: dataset?.name ?? null } : null;
    print(
      `${JSON.stringify({ file, dtype, backend: backendJson(backend), data, training: trainedJson, ...inspection })}\n`,
    );
    return;
  }
  const trainedOn = spec && dataset ? `${dataset.name} (${sampleCount(dataset)} samples)` : "the model's sample";
  print(report(file, `${dtype}, ${backend.description}`, data, trainedOn, result, training.optimizer.type));
}

function readThresholds(parsed: ParsedArgs) {
  const number = (name: string, fallback: number) => {
    const text = stringFlag(parsed, name);
    return text === undefined ? fallback : positiveNumber('inspect', name, text);
  };
  return {
    vanishingRatio: number('vanishing', vanishingRatio),
    explodingFactor: number('exploding', explodingFactor),
    saturationThreshold: number('saturation', DEFAULT_SATURATION_THRESHOLD),
  };
}

function report(
  file: string,
  /** "float32, CPU (JavaScript)". */
  how: string,
  data: string,
  trainedOn: string,
  { training, inspection }: TrainedInspection,
  optimizer: string,
): string {
  const lines = [`${file}: one forward and backward pass (${how}) on ${data}`];
  if (training) {
    const [first] = training.losses;
    const last = training.losses[training.losses.length - 1];
    lines.push(
      `after ${training.steps} step${training.steps === 1 ? '' : 's'} of ${optimizer} on ${trainedOn}` +
        (first === undefined
          ? ''
          : `: batch loss ${formatNumber(first)} at the first step, ${formatNumber(last)} at the last`),
    );
    if (training.stopped) lines.push(`training stopped: ${training.stopped}`);
  }
  lines.push(`loss ${inspection.loss === undefined ? '-' : formatNumber(inspection.loss)}`, '', 'Activations');
  lines.push(activationTable(inspection), 'Gradients, from the loss backwards', gradientTable(inspection));
  return `${lines.join('\n')}${flagsText(inspection)}`;
}

function share(value: number | undefined): string {
  return value === undefined ? '' : `${Math.round(value * 100)}%`;
}

function activationTable({ activations }: TrainedInspection['inspection']): string {
  return formatTable(
    [
      { header: 'node' },
      { header: 'type' },
      { header: 'mean', align: 'right' },
      { header: 'std', align: 'right' },
      { header: 'min', align: 'right' },
      { header: 'max', align: 'right' },
      { header: 'saturated', align: 'right' },
      { header: 'dead', align: 'right' },
    ],
    activations.map((a) => [
      a.nodeId,
      a.type,
      formatNumber(a.mean),
      formatNumber(a.std),
      formatNumber(a.min),
      formatNumber(a.max),
      share(a.saturation?.share),
      a.dead ? `${a.dead.dead.length}/${a.dead.units}` : '',
    ]),
  );
}

function gradientTable({ gradients, flow }: TrainedInspection['inspection']): string {
  const flags = new Map(flow.map((f) => [f.nodeId, f]));
  return formatTable(
    [
      { header: 'layer' },
      { header: 'distance', align: 'right' },
      { header: '|dE/dW|', align: 'right' },
      { header: 'mean |dE/dW|', align: 'right' },
      { header: '|dE/dx|', align: 'right' },
      { header: 'vs last', align: 'right' },
      { header: 'growth/layer', align: 'right' },
      { header: 'flag' },
    ],
    gradients.map((g) => {
      const f = flags.get(g.nodeId);
      return [
        g.nodeId,
        String(g.distance),
        formatNumber(g.weights.norm),
        formatNumber(g.weights.meanAbs),
        formatNumber(g.input.norm),
        f ? formatNumber(f.ratioToLast) : '',
        f ? formatNumber(f.growthPerLayer) : '',
        f?.flag ? f.flag.kind.toUpperCase() : '',
      ];
    }),
  );
}

function flagsText({ flow }: TrainedInspection['inspection']): string {
  const flagged = flow.flatMap((f) => (f.flag ? [{ nodeId: f.nodeId, flag: f.flag }] : []));
  if (!flagged.length) return '\nNo layer is flagged: the gradient neither vanishes nor explodes on the way back.\n';
  const parts = flagged.map(({ nodeId, flag }) => `${nodeId}: ${flag.kind}\n${wrap(flag.explanation, '  ', '  ')}`);
  // Flagged layers mostly share their causes: the remedies are listed once, for all of them.
  const remedies = [...new Set(flagged.flatMap(({ flag }) => flag.remedies))];
  const tries = remedies.map((r) => wrap(remedyText[r], '  - ', '    ')).join('\n');
  return `\n${parts.join('\n\n')}\n\nWhat to try:\n${tries}\n`;
}

/** Words filled into lines of at most 100 characters, the first and the rest indented as given. */
function wrap(text: string, first: string, rest: string): string {
  const lines: string[] = [];
  let line = first;
  for (const word of text.split(' ')) {
    const indent = lines.length ? rest : first;
    if (line.length > indent.length && line.length + 1 + word.length > 100) {
      lines.push(line);
      line = rest + word;
    } else {
      line += line.length > indent.length ? ` ${word}` : word;
    }
  }
  lines.push(line);
  return lines.join('\n');
}
