import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelText, type ModelJson } from '../../src/core';
import { type CliResult, examples, expectUserError, runCli } from './run-cli';

interface EpochLine {
  epoch: number;
  step: number;
  loss: number;
  accuracy: number | null;
  valLoss: number | null;
  valAccuracy: number | null;
  learningRate: number;
}

type Score = { loss: number; accuracy: number | null } | null;

interface DoneLine {
  done: true;
  steps: number;
  epochs: number;
  seconds: number;
  train: Score;
  validation: Score;
  test: Score;
  model: ModelJson;
}

const dir = mkdtempSync(join(tmpdir(), 'bps-cli-train-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const xor = `${examples}/xor-mlp.json`;

function jsonLines(result: CliResult): { epochs: EpochLine[]; done: DoneLine } {
  expect(result.status, result.stderr).toBe(0);
  const lines = result.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as EpochLine | DoneLine);
  const done = lines.pop() as DoneLine;
  expect(done.done).toBe(true);
  return { epochs: lines as EpochLine[], done };
}

function loadFile(file: string): ModelJson {
  const { model, issues } = loadModelText(readFileSync(file, 'utf8'));
  expect(issues).toEqual([]);
  if (!model) throw new Error(`${file} did not load`);
  return model;
}

describe.concurrent('train on a dataset', () => {
  it('XOR reaches 100% training accuracy with Adam and a fixed seed, one JSON line per epoch', async () => {
    const args = ['--dataset', 'xor', '--epochs', '400', '--batch-size', '32', '--optimizer', 'adam', '--lr', '0.05'];
    const { epochs, done } = jsonLines(await runCli(['train', xor, ...args, '--seed', '1', '--json']));
    expect(epochs).toHaveLength(400);
    expect(epochs[0]).toEqual({
      epoch: 1,
      step: 7,
      loss: expect.any(Number),
      accuracy: expect.any(Number),
      valLoss: null,
      valAccuracy: null,
      learningRate: 0.05,
    });
    expect(epochs.at(-1)?.accuracy).toBe(1);
    expect(done.train?.accuracy).toBe(1);
    expect(done).toMatchObject({ steps: 400 * 7, epochs: 400, validation: null, test: null });
    expect(done.model.training).toEqual({
      dataset: { name: 'xor' },
      batchSize: 32,
      epochs: 400,
      optimizer: { type: 'adam', learningRate: 0.05 },
      seed: 1,
    });
  });

  // Generous time limits: the wall time depends on how busy the machine is (about 5 s on an idle core).
  it('digits-mlp.json reaches >= 90% test accuracy from its own training section', { timeout: 120_000 }, async () => {
    const out = join(dir, 'digits.json');
    const args = ['train', `${examples}/digits-mlp.json`, '--json', '--out', out];
    const { epochs, done } = jsonLines(await runCli(args, { timeoutMs: 110_000 }));
    console.log(
      `digits-mlp from the CLI: test accuracy ${done.test?.accuracy}, trained in ${done.seconds.toFixed(1)} s`,
    );
    expect(epochs).toHaveLength(5);
    expect(epochs.every((e) => e.valAccuracy !== null)).toBe(true);
    expect(done.test?.accuracy).toBeGreaterThanOrEqual(0.9);
    const saved = loadFile(out);
    expect(saved.training).toEqual(loadFile(`${examples}/digits-mlp.json`).training);
    expect(saved.nodes.find((n) => n.id === 'hidden')?.params?.W.shape).toEqual([784, 64]);
  });

  it('--augment trains digits-mlp on transformed images and saves training.augment', { timeout: 60_000 }, async () => {
    const out = join(dir, 'augment.json');
    const augment = ['--augment', 'shift=0.1,rotation=10,flip-h,noise=0.05'];
    const args = ['train', `${examples}/digits-mlp.json`, '--samples', '60', '--epochs', '1', ...augment];
    const { epochs } = jsonLines(await runCli([...args, '--json', '--out', out], { timeoutMs: 50_000 }));
    expect(epochs).toHaveLength(1);
    expect(loadFile(out).training?.augment).toEqual({ shift: 0.1, rotation: 10, flipHorizontal: true, noise: 0.05 });
    const none = jsonLines(await runCli(['train', out, '--augment', 'none', '--json', '--out', out]));
    expect(none.done.model.training?.augment).toBeUndefined();
  });

  it('saves flags into the training section; the saved file trains from it again', async () => {
    const out = join(dir, 'flags.json');
    const flags = [
      ...['--dataset', 'circle', '--samples', '100', '--noise', '0.1', '--val-split', '0.2', '--test-split', '0.1'],
      ...['--batch-size', 'full', '--epochs', '3', '--optimizer', 'momentum', '--momentum', '0.8', '--lr', '0.1'],
      ...['--schedule', 'exponential', '--decay-steps', '10', '--decay-rate', '0.5', '--l2', '0.001', '--seed', '3'],
    ];
    const { epochs, done } = jsonLines(await runCli(['train', xor, ...flags, '--out', out, '--json']));
    // Full batches: one step per epoch, so epoch k used the rate at t = k - 1.
    expect(epochs.map((e) => e.learningRate)).toEqual([0, 1, 2].map((t) => 0.1 * 0.5 ** (t / 10)));
    expect(epochs.every((e) => e.valLoss !== null)).toBe(true);
    expect(done.test).not.toBeNull();
    const training = {
      dataset: { name: 'circle', samples: 100, noise: 0.1 },
      split: { validation: 0.2, test: 0.1 },
      batchSize: 'full',
      epochs: 3,
      optimizer: {
        type: 'momentum',
        momentum: 0.8,
        learningRate: { type: 'exponential', learningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: false },
      },
      l2: 0.001,
      seed: 3,
    };
    expect(loadFile(out).training).toEqual(training);
    const again = jsonLines(await runCli(['train', out, '--epochs', '1', '--json']));
    expect(again.epochs).toHaveLength(1);
    expect(again.done.model.training).toEqual({ ...training, epochs: 1 });
  });

  it('prints progress lines on stderr and a summary on stdout', async () => {
    const result = await runCli(['train', xor, '--dataset', 'gaussians', '--epochs', '3', '--val-split', '0.25']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(3);
    expect(result.stderr).toMatch(
      /^epoch 3\/3 {2}step 15 {2}loss [\d.e-]+ {2}accuracy [\d.]+% {2}val loss [\d.e-]+ {2}val accuracy [\d.]+% {2}lr 0\.001$/m,
    );
    expect(result.stdout).toMatch(
      /^resources\/examples\/xor-mlp\.json: 3 epochs \(15 steps\) of adam, default lr, batch 32/,
    );
    expect(result.stdout).toMatch(/^samples: 150 train, 50 validation, 0 test$/m);
    expect(result.stdout).toMatch(/^epoch\s+step\s+loss\s+accuracy\s+val loss\s+val accuracy\s+lr$/m);
    expect(result.stdout).toMatch(/^train: loss [\d.e-]+, accuracy [\d.]+% \(150 samples\)$/m);
    expect(result.stdout).toContain('model not saved');
  });

  it('reads a CSV file, scales it and keeps its path relative to the saved model', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i},${(i * 7) % 40},${i < 20 ? 'low' : 'high'}`);
    writeFileSync(join(dir, 'points.csv'), `a,b,label\n${rows.join('\n')}\n`);
    const model = JSON.parse(readFileSync(xor, 'utf8')) as ModelJson;
    // Two classes: the output layer becomes two logits for softmax cross-entropy; the sample no longer fits.
    model.nodes = model.nodes.filter((n) => n.id !== 'out_act' && n.id !== 'loss');
    for (const n of model.nodes) if (n.id === 'out') n.config = { units: 2 };
    model.nodes.push({ id: 'loss', type: 'softmax_cross_entropy', config: {} });
    delete model.sample;
    model.edges = [...model.edges.filter((e) => e.to !== 'out_act' && e.to !== 'loss'), { from: 'out', to: 'loss' }];
    const file = join(dir, 'csv-model.json');
    writeFileSync(file, JSON.stringify(model));
    mkdirSync(join(dir, 'sub'));
    const out = join(dir, 'sub', 'csv-trained.json');
    const args = ['train', file, '--dataset', join(dir, 'points.csv'), '--features', 'a,b', '--label', 'label'];
    const { done } = jsonLines(
      await runCli([...args, '--scaling', 'z_score', '--epochs', '40', '--lr', '0.05', '--json', '--out', out]),
    );
    expect(done.train?.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(loadFile(out).training?.dataset).toEqual({
      csv: '../points.csv',
      features: ['a', 'b'],
      label: 'label',
      scaling: 'z_score',
    });
    const broken = join(dir, 'broken.csv');
    writeFileSync(broken, 'a,b,label\n1,2,low\n3,x,high\n');
    const bad = await runCli(['train', file, '--dataset', broken, '--features', 'a,b', '--label', 'label']);
    expect(expectUserError(bad, 1)[0]).toBe(`${broken}:3:2: 'x' is not a number`);
  });

  it('stops on NaN with exit status 1, naming the step and the node', async () => {
    const file = join(dir, 'linear.json');
    const linear = {
      format: 'backprop-studio.model',
      version: 1,
      nodes: [
        { id: 'x', type: 'input', config: { shape: [2] } },
        { id: 'h', type: 'dense', config: { units: 4 } },
        { id: 'o', type: 'dense', config: { units: 1 } },
        { id: 'loss', type: 'mse' },
      ],
      edges: [
        { from: 'x', to: 'h' },
        { from: 'h', to: 'o' },
        { from: 'o', to: 'loss' },
      ],
    };
    writeFileSync(file, JSON.stringify(linear));
    const result = await runCli([
      'train',
      file,
      '--dataset',
      'xor',
      '--optimizer',
      'sgd',
      '--lr',
      '10',
      '--epochs',
      '5',
      '--json',
    ]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toMatch(new RegExp(`^${file}: step \\d+: .*non-finite.*node '(h|o|loss)'`));
    expect(result.stderr).not.toMatch(/internal error|^\s+at /m);
  });

  it('learns NAND by the perceptron rule from perceptron-learn-nand.json', async () => {
    const result = await runCli(['train', `${examples}/perceptron-learn-nand.json`, '--json']);
    expect(result.status, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as { epochs: { errors: number }[]; converged: boolean; model: ModelJson };
    expect(report.epochs.map((e) => e.errors)).toEqual([2, 3, 3, 2, 1, 0]);
    expect(report.converged).toBe(true);
    const unit = report.model.nodes.find((n) => n.id === 'unit');
    expect([unit?.params?.W.data, unit?.params?.b.data]).toEqual([[-2, -1], [3]]);
  });

  it('user errors exit 2 with one line naming the flag or the place', async () => {
    const cases: [string[], string][] = [
      [
        ['--dataset', 'moons'],
        "--dataset takes xor, circle, gaussians, spiral, digits or a CSV file; there is no file 'moons'",
      ],
      [
        ['--dataset', 'xor', '--optimizer', 'adam', '--momentum', '0.9'],
        '--momentum applies to momentum, nesterov, rmsprop, not adam',
      ],
      [['--features', 'a,b'], '--features needs --dataset'],
      [
        ['--dataset', 'xor', '--val-split', '0.6', '--test-split', '0.5'],
        '$.training.split.test: validation 0.6 and test 0.5 leave nothing to train on',
      ],
      [['--dataset', 'xor', '--schedule', 'cosine', '--lr', '0.1'], '--schedule cosine needs --decay-steps'],
      [['--dataset', 'xor', '--decay-rate', '0.5'], '--decay-rate needs --schedule TYPE'],
      [['--dataset', 'xor', '--batch-size', '0'], "--batch-size takes a positive integer, not '0'"],
      [
        ['--dataset', 'digits', '--samples', '10'],
        "dataset 'digits' has samples of shape [1, 28, 28] but input node 'x' takes [2]",
      ],
      [['--dataset', 'xor', '--input', '[[0, 1]]'], '--input is for training on the sample, not on --dataset'],
      [['--dataset', 'xor', '--augment', 'twist=3'], '--augment takes shift=X, rotation=X,'],
      [['--dataset', 'xor', '--augment', 'noise=-1'], "--augment noise takes a number 0 or above, not '-1'"],
      [['--dataset', 'xor', '--augment', 'shift=2'], '$.training.augment.shift'],
      [['--dataset', 'xor', '--augment', 'noise=0.1'], 'training.augment: augmentation needs image inputs'],
    ];
    const results = await Promise.all(cases.map(([flags]) => runCli(['train', xor, ...flags])));
    results.forEach((result, i) => {
      expect(expectUserError(result, 1)[0]).toContain(cases[i][1]);
    });
  });
});
