import { createCpuBackend, type Dataset, datasetFromSample, Network, trainPerceptron } from '../core';
import { stringFlag } from './args';
import { backendFlag } from './backend-flag';
import { loadDataset } from './dataset-file';
import { UsageError } from './errors';
import { requireSample, withEngineErrors, withSampleFlags } from './model-file';
import { backendJson, dtypeFlag } from './run-model';
import { formatNumber, formatTable } from './table';
import { saveModel, type TrainRun } from './train-run';

const DEFAULT_EPOCHS = 100;

/**
 * The perceptron rule (training.rule 'perceptron' or --rule perceptron) on the dataset, or else on
 * the sample: one pass per epoch, an update per misclassified sample, until a pass makes no error.
 * The rule is a loop over single samples on the host: it runs on the CPU whatever --backend says.
 */
export function trainWithPerceptronRule(run: TrainRun): void {
  const { parsed, print, training } = run;
  const rate = training.optimizer?.learningRate ?? 1;
  if (typeof rate !== 'number') throw new UsageError('the perceptron rule takes a fixed --lr, not a schedule', 'train');
  const epochs = training.epochs ?? DEFAULT_EPOCHS;
  const loaded = withSampleFlags(run.loaded, {
    input: stringFlag(parsed, 'input'),
    target: stringFlag(parsed, 'target'),
  });
  const { file } = loaded;
  const dtype = dtypeFlag('train', parsed);
  const chosen = backendFlag('train', parsed, dtype);
  if (!training.dataset) requireSample(loaded, true);
  const backend = createCpuBackend();
  const net = withEngineErrors(file, () => Network.fromModel(loaded.model, { backend, dtype, seed: training.seed }));
  const data: Dataset = training.dataset
    ? loadDataset(training.dataset, file, loaded.plan)
    : withEngineErrors(file, () => datasetFromSample(loaded.model, net.dtype));
  const report = withEngineErrors(file, () => trainPerceptron(net, data, { learningRate: rate, epochs }));
  if (chosen === 'webgpu') {
    process.stderr.write(
      'backprop-studio train: the perceptron rule updates the weights one sample at a time on the CPU; --backend webgpu is not used\n',
    );
  }
  const model = net.toModel();
  const saved = saveModel(run.out, run.loaded.file, model);
  if (parsed.values.json) {
    print(`${JSON.stringify({ ...report, backend: backendJson(backend), model })}\n`);
    return;
  }
  const on = data.name === 'sample' ? 'the sample' : data.name;
  print(`${file}: perceptron rule, eta ${rate}, ${backend.description}, on ${on}\n\n`);
  print(
    formatTable(
      [
        { header: 'epoch', align: 'right' },
        { header: 'errors', align: 'right' },
        { header: 'w' },
        { header: 'b', align: 'right' },
      ],
      report.epochs.map((e) => [
        String(e.epoch + 1),
        String(e.errors),
        `(${e.weights.map(formatNumber).join(', ')})`,
        formatNumber(e.bias),
      ]),
    ),
  );
  const n = report.epochs.length;
  print(
    report.converged
      ? `\nconverged: epoch ${n} made no error\n`
      : `\nnot converged after ${n} epochs (the samples may not be linearly separable)\n`,
  );
  print(saved);
}
