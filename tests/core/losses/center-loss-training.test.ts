import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadModelText, validateModel } from '../../../src/core/graph/load';
import type { ModelJson } from '../../../src/core/graph/model';
import { Network } from '../../../src/core/graph/network';
import { checkModelGradients, relativeError } from '../../../src/core/inspect/gradcheck';
import { centerDelta } from '../../../src/core/losses/center-loss';
import type { Tensor } from '../../../src/core/tensor/tensor';
import { sgd } from '../../../src/core/train/sgd';
import { trainOnBatch } from '../../../src/core/train/trainer';
import { backend, oneHotRows, randomTensor, seeded } from './helpers';

function centerModel(): ModelJson {
  return {
    format: 'backprop-studio.model',
    version: 1,
    nodes: [
      { id: 'x', type: 'input', config: { shape: [2] } },
      { id: 'features', type: 'dense', config: { units: 2 } },
      { id: 'logits', type: 'dense', config: { units: 3 } },
      { id: 'ce', type: 'softmax_cross_entropy', config: { labels: 'index' } },
      { id: 'center', type: 'center_loss', config: { classes: 3, lambda: 0.2, alpha: 0.5, labels: 'index' } },
    ],
    edges: [
      { from: 'x', to: 'features' },
      { from: 'features', to: 'logits' },
      { from: 'logits', to: 'ce' },
      { from: 'features', to: 'center' },
    ],
    sample: {
      input: [
        [1, 0.5],
        [0.8, -0.2],
        [-1, 0.3],
        [0.1, -1],
      ],
      target: [0, 0, 1, 2],
    },
  };
}

describe('center loss in training', () => {
  it('the trainer moves the centres by their rule after the SGD step, and SGD leaves them alone', async () => {
    const net = Network.fromModel(centerModel(), { backend, dtype: 'float64', seed: 3 });
    const ctx = net.context();
    const ex = net.executor(ctx);
    const total = ex.runPass() as number;
    expect(total).toBeCloseTo((ex.outputs.get('ce')?.data[0] ?? 0) + (ex.outputs.get('center')?.data[0] ?? 0), 14);
    const feats = ex.outputs.get('features') as Tensor;
    const centerGrad = ex.paramGrads.get('center')?.centers as Tensor;
    expect(Math.max(...Array.from(centerGrad.data, Math.abs))).toBeGreaterThan(1e-3);
    const before = net.params.get('center')?.centers.clone() as Tensor;
    const expectedCenters = before.clone();
    backend.axpy(expectedCenters, -0.5, centerDelta(backend, feats, oneHotRows([0, 0, 1, 2], 3), before));
    const weightsBefore = net.params.get('logits')?.W.clone() as Tensor;
    const expectedWeights = weightsBefore.clone();
    backend.axpy(expectedWeights, -0.1, ex.paramGrads.get('logits')?.W as Tensor);

    await trainOnBatch(net, ctx, sgd(0.1), 1);

    const after = net.params.get('center')?.centers as Tensor;
    for (let i = 0; i < after.size; i++) expect(after.data[i]).toBeCloseTo(expectedCenters.data[i], 14);
    // had SGD applied the centre gradient as well, the centres would be off by lr * gradient
    expect(Math.max(...Array.from(centerGrad.data, (g) => 0.1 * Math.abs(g)))).toBeGreaterThan(1e-4);
    const weights = net.params.get('logits')?.W as Tensor;
    for (let i = 0; i < weights.size; i++) expect(weights.data[i]).toBeCloseTo(expectedWeights.data[i], 14);
  });

  it('takes a label target of shape [N] next to a softmax cross-entropy, and says what it takes otherwise', () => {
    expect(validateModel(centerModel()).issues).toEqual([]);
    const wrong = centerModel();
    wrong.sample = {
      input: wrong.sample?.input ?? [],
      target: [
        [1, 0, 0],
        [1, 0, 0],
        [0, 1, 0],
        [0, 0, 1],
      ],
    };
    const messages = validateModel(wrong).issues.map((i) => i.message);
    expect(messages).toContain(
      "sample target has shape [4, 3] but loss 'center' compares it with a prediction of shape [4, 2] (it takes [4] or [4, 1])",
    );
    expect(messages).toContain(
      "sample target has shape [4, 3] but loss 'ce' compares it with a prediction of shape [4, 3] (it takes [4] or [4, 1])",
    );
  });

  it('checks whole-model gradients against central differences, the centres (skipped by core) by hand', () => {
    const net = Network.fromModel(centerModel(), { backend, dtype: 'float64', seed: 5 });
    const centers = net.params.get('center')?.centers as Tensor;
    centers.data.set(randomTensor([3, 2], seeded(8), -1, 1).data);
    const ctx = net.context();
    const entries = checkModelGradients(net, ctx);
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.every((e) => e.passed)).toBe(true);
    const ex = net.executor(ctx);
    ex.runPass();
    const analytic = (ex.paramGrads.get('center')?.centers as Tensor).data.slice();
    const lossWith = (i: number, value: number) => {
      centers.data[i] = value;
      ex.reset();
      ex.runForward();
      return ex.loss ?? Number.NaN;
    };
    for (let i = 0; i < centers.size; i++) {
      const keep = centers.data[i];
      const numeric = (lossWith(i, keep + 1e-6) - lossWith(i, keep - 1e-6)) / 2e-6;
      centers.data[i] = keep;
      expect(relativeError(analytic[i], numeric)).toBeLessThan(1e-6);
    }
  });
});

describe('the center-loss example', () => {
  const text = readFileSync(new URL('../../../resources/examples/center-loss.json', import.meta.url), 'utf8');

  it('loads without issues, names and places every node', () => {
    const { model, issues } = loadModelText(text);
    expect(issues).toEqual([]);
    for (const node of model?.nodes ?? []) {
      expect(node.name, node.id).toBeTruthy();
      expect(node.position, node.id).toBeDefined();
    }
    expect(model?.nodes.map((n) => n.type)).toEqual(expect.arrayContaining(['softmax_cross_entropy', 'center_loss']));
  });

  it('trains: both losses fall, the classes are told apart and the centres move to the class means', async () => {
    const net = Network.fromModel(JSON.parse(text), { backend, dtype: 'float64' });
    const ctx = net.context();
    const { losses } = await trainOnBatch(net, ctx, sgd(0.1), 300);
    expect(losses[losses.length - 1]).toBeLessThan(0.1 * losses[0]);
    const ex = net.executor(ctx);
    ex.runPass();
    const feats = ex.outputs.get('features') as Tensor;
    const centers = net.params.get('center_loss')?.centers as Tensor;
    const classes = [0, 0, 1, 1, 2, 2];
    classes.forEach((j, i) => {
      const distance = Math.hypot(
        feats.data[2 * i] - centers.data[2 * j],
        feats.data[2 * i + 1] - centers.data[2 * j + 1],
      );
      expect(distance).toBeLessThan(0.5);
    });
    const logits = ex.outputs.get('logits') as Tensor;
    classes.forEach((j, i) => {
      const row = Array.from(logits.data.subarray(3 * i, 3 * i + 3));
      expect(row.indexOf(Math.max(...row))).toBe(j);
    });
  });
});
