import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import { sampleCount } from '../../../src/core/data/dataset';
import { digitsFromArrays } from '../../../src/core/data/digits';
import { compiledModel } from '../../../src/core/graph/compiled';
import type { ModelJson } from '../../../src/core/graph/model';
import { DatasetError, datasetFromSpec } from '../../../src/core/train/dataset-from-spec';
import { evaluate } from '../../../src/core/train/evaluate';
import { prepareTraining, resolveTraining, splitTrainingData } from '../../../src/core/train/from-model';
import { mlpModel } from './models';

const backend = createCpuBackend();

function planOf(model: ModelJson) {
  return compiledModel(model).plan;
}

const xorModel = (training: ModelJson['training']): ModelJson => ({
  ...mlpModel(
    [2],
    [
      { units: 8, activation: 'tanh' },
      { units: 1, activation: 'sigmoid' },
    ],
    'mse',
  ),
  training,
});

describe('training section -> trainer', () => {
  it('fills in defaults and moves top-level penalties into the optimizer', () => {
    expect(resolveTraining()).toEqual({
      rule: 'backprop',
      dataset: undefined,
      split: { validation: 0, test: 0 },
      batchSize: 32,
      epochs: undefined,
      steps: undefined,
      optimizer: { type: 'adam' },
      seed: 0,
    });
    const resolved = resolveTraining({ l2: 0.01, clipNorm: 1, optimizer: { type: 'sgd', learningRate: 0.1, l1: 0.2 } });
    expect(resolved.optimizer).toEqual({ type: 'sgd', learningRate: 0.1, l1: 0.2, l2: 0.01, clipNorm: 1 });
  });

  it('reads targets the way the output does: 0/1, -1/1 for tanh, one-hot for two outputs', () => {
    const sigmoid = datasetFromSpec({ name: 'xor', samples: 20 }, {}, planOf(xorModel(undefined)));
    expect(sigmoid.targets.shape).toEqual([20, 1]);
    expect(new Set(sigmoid.targets.data)).toEqual(new Set([0, 1]));
    const tanh = mlpModel([2], [{ units: 1, activation: 'tanh' }], 'mse');
    expect(new Set(datasetFromSpec({ name: 'circle', samples: 20 }, {}, planOf(tanh)).targets.data)).toEqual(
      new Set([-1, 1]),
    );
    const twoClasses = mlpModel([2], [{ units: 2, activation: 'none' }], 'softmax_cross_entropy');
    expect(datasetFromSpec({ name: 'spiral', samples: 20 }, {}, planOf(twoClasses)).targets.shape).toEqual([20, 2]);
  });

  it('flattens digit images for a vector input and names a shape the input does not take', () => {
    const blank = Array.from({ length: 10 }, () => new Array(2 * 784).fill(0.5));
    const digits = digitsFromArrays(blank);
    const vector = mlpModel([784], [{ units: 10, activation: 'none' }], 'softmax_cross_entropy');
    const ds = datasetFromSpec({ name: 'digits', samples: 12 }, { digits }, planOf(vector));
    expect(ds.inputs.shape).toEqual([12, 784]);
    const xor = planOf(xorModel(undefined));
    expect(() => datasetFromSpec({ name: 'digits' }, { digits }, xor)).toThrow(
      "dataset 'digits' has samples of shape [1, 28, 28] but input node 'x' takes [2]",
    );
    expect(() => datasetFromSpec({ name: 'digits' }, {}, xor)).toThrow(DatasetError);
  });

  it('splits with the seed and fits CSV scaling on the training split only', () => {
    const rows = Array.from({ length: 20 }, (_, i) => `${i},${i % 2}`).join('\n');
    const spec = { csv: 'data.csv', scaling: 'min_max' as const };
    const ds = datasetFromSpec(spec, { csvText: `x,y\n${rows}\n` });
    const training = resolveTraining({ dataset: spec, split: { validation: 0.25, test: 0.25 }, seed: 3 });
    const { train, validation, test } = splitTrainingData(ds, training);
    expect([sampleCount(train), sampleCount(validation), sampleCount(test)]).toEqual([10, 5, 5]);
    expect(Math.min(...train.inputs.data)).toBe(0);
    expect(Math.max(...train.inputs.data)).toBe(1);
    const raw = splitTrainingData(ds, { ...training, dataset: { csv: 'data.csv' } });
    const trainMin = Math.min(...raw.train.inputs.data);
    const trainMax = Math.max(...raw.train.inputs.data);
    const expected = Array.from(raw.test.inputs.data, (v) => (v - trainMin) / (trainMax - trainMin));
    Array.from(test.inputs.data).forEach((v, i) => {
      expect(v).toBeCloseTo(expected[i], 6);
    });
  });

  it('trains XOR from the section alone, the same way every time', async () => {
    const model = xorModel({
      dataset: { name: 'xor', samples: 200 },
      split: { validation: 0.2 },
      batchSize: 16,
      epochs: 60,
      optimizer: { type: 'adam', learningRate: 0.05 },
      seed: 1,
    });
    const run = async () => {
      const plan = planOf(model);
      const p = prepareTraining(model, datasetFromSpec(model.training?.dataset ?? {}, {}, plan), { backend });
      const report = await p.trainer.run();
      return { p, report };
    };
    const { p, report } = await run();
    expect(report.epochs).toBe(60);
    expect([sampleCount(p.splits.train), sampleCount(p.splits.validation)]).toEqual([160, 40]);
    expect((await evaluate(p.net, p.splits.train)).accuracy).toBeGreaterThanOrEqual(0.97);
    expect(report.history.at(-1)?.validationAccuracy).toBeGreaterThanOrEqual(0.9);
    expect((await run()).report.history.at(-1)?.loss).toBe(report.history.at(-1)?.loss);
  });

  it('leaves nodes with trainable: false as they were', async () => {
    const model = xorModel({ dataset: { name: 'xor', samples: 64 }, epochs: 3, seed: 2 });
    const frozen = model.nodes.find((n) => n.id === 'dense0');
    if (!frozen) throw new Error('no dense0');
    frozen.trainable = false;
    const p = prepareTraining(model, datasetFromSpec({ name: 'xor', samples: 64 }, {}, planOf(model)), { backend });
    const before = (id: string) => Array.from(p.net.params.get(id)?.W.data ?? []);
    const hidden = before('dense0');
    const output = before('dense1');
    await p.trainer.run();
    expect(before('dense0')).toEqual(hidden);
    expect(before('dense1')).not.toEqual(output);
  });
});

describe('training.augment', () => {
  // 8x8 "digits" of seeded noise: three per class, inputs [N, 1, 8, 8].
  let state = 7;
  const perDigit = Array.from({ length: 10 }, () =>
    Array.from({ length: 3 * 64 }, () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return state % 256;
    }),
  );
  const digits = digitsFromArrays(perDigit, 8, 8);
  const imageModel = (augment?: NonNullable<ModelJson['training']>['augment']): ModelJson => ({
    ...mlpModel([1, 8, 8], [{ units: 10, activation: 'none' }], 'softmax_cross_entropy'),
    training: { dataset: { name: 'digits' }, batchSize: 10, epochs: 1, seed: 3, augment },
  });
  const train = async (model: ModelJson) => {
    const p = prepareTraining(model, datasetFromSpec(model.training?.dataset ?? {}, { digits }, planOf(model)), {
      backend,
    });
    const report = await p.trainer.run();
    return { p, loss: report.history.at(-1)?.loss };
  };

  it('reaches the trainer for image inputs, changes the batches and repeats with the seed', async () => {
    const augment = { shift: 0.2, rotation: 10, flipHorizontal: true, noise: 0.05 };
    const plain = await train(imageModel());
    const augmented = await train(imageModel(augment));
    expect(augmented.p.trainer.options.augment).toEqual(augment);
    expect(plain.p.trainer.options.augment).toBeUndefined();
    expect(augmented.p.trainer.step).toBe(3);
    expect(Number.isFinite(augmented.loss)).toBe(true);
    expect(augmented.loss).not.toBe(plain.loss);
    expect((await train(imageModel(augment))).loss).toBe(augmented.loss);
  });

  it('is refused for data that is not images, naming training.augment', () => {
    const model = { ...xorModel({ dataset: { name: 'xor', samples: 20 }, augment: { noise: 0.1 } }) };
    const ds = datasetFromSpec({ name: 'xor', samples: 20 }, {}, planOf(model));
    expect(() => prepareTraining(model, ds, { backend })).toThrow(
      /^training\.augment: augmentation needs image inputs \[N, C, H, W\], but xor \(train\) has samples of shape \[2\]/,
    );
  });
});

describe('CSV label type in the dataset spec', () => {
  it('reads 0/1 labels as numbers by default and as classes when the spec says categorical', () => {
    const text = 'x,y\n1,0\n2,1\n3,0\n';
    expect(datasetFromSpec({ csv: 'd.csv' }, { csvText: text }).targets.shape).toEqual([3, 1]);
    const classes = datasetFromSpec({ csv: 'd.csv', labelType: 'categorical' }, { csvText: text });
    expect(classes.targets.shape).toEqual([3, 2]);
    expect(classes.classes).toEqual(['0', '1']);
  });
});
