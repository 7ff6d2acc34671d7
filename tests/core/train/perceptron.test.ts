import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import { loadModelText } from '../../../src/core/graph/load';
import type { ModelJson } from '../../../src/core/graph/model';
import { Network } from '../../../src/core/graph/network';
import { datasetFromSample } from '../../../src/core/train/dataset-from-spec';
import { PerceptronError, trainPerceptron } from '../../../src/core/train/perceptron';

function example(file: string): ModelJson {
  const { model, issues } = loadModelText(
    readFileSync(new URL(`../../../resources/examples/${file}`, import.meta.url), 'utf8'),
  );
  if (!model || issues.length) throw new Error(`${file} does not load`);
  return model;
}

/** perceptron-nand.json with its weights replaced by zeros, or by the values given. */
function nand(w = [0, 0], b = 0): ModelJson {
  const model = structuredClone(example('perceptron-nand.json'));
  const unit = model.nodes.find((n) => n.id === 'unit');
  if (!unit) throw new Error('no unit');
  unit.params = { W: { shape: [2, 1], data: w }, b: { shape: [1], data: [b] } };
  return model;
}

function outputs(net: Network): number[] {
  const ex = net.executor(net.context({}, false));
  ex.runForward();
  return Array.from(ex.outputs.get('out')?.data ?? []);
}

describe('perceptron rule', () => {
  it('learns NAND from zero weights in six passes, w <- w + eta (t - o) x', () => {
    const net = Network.fromModel(nand(), { backend: createCpuBackend(), dtype: 'float64' });
    const seen: number[] = [];
    const report = trainPerceptron(net, datasetFromSample(net.model, 'float64'), {
      onEpoch: (e) => seen.push(e.errors),
    });
    // Worked by hand: (0,0) t=1 raises b; (1,1) t=0 lowers w and b; and so on until no sample is wrong.
    expect(report.epochs.map((e) => e.errors)).toEqual([2, 3, 3, 2, 1, 0]);
    expect(seen).toEqual([2, 3, 3, 2, 1, 0]);
    expect(report.epochs[0]).toMatchObject({ weights: [-1, -1], bias: 0 });
    expect(report.converged).toBe(true);
    expect(report.epochs.at(-1)).toMatchObject({ weights: [-2, -1], bias: 3 });
    expect(outputs(net)).toEqual([1, 1, 1, 0]);
    expect(net.toModel().nodes.find((n) => n.id === 'unit')?.params?.b.data).toEqual([3]);
  });

  it('the shipped perceptron-learn-nand.json starts from zeros and learns NAND', () => {
    const model = example('perceptron-learn-nand.json');
    expect(model.training?.rule).toBe('perceptron');
    expect(model.nodes.find((n) => n.id === 'unit')?.params?.W.data).toEqual([0, 0]);
    const net = Network.fromModel(model, { backend: createCpuBackend() });
    const report = trainPerceptron(net, datasetFromSample(model), { epochs: model.training?.epochs });
    expect(report.converged).toBe(true);
    expect(report.epochs.length).toBeLessThanOrEqual(10);
    expect(outputs(net)).toEqual([1, 1, 1, 0]);
  });

  it('keeps the textbook weights, which make no error', () => {
    const net = Network.fromModel(nand([-2, -2], 3), { backend: createCpuBackend() });
    const report = trainPerceptron(net, datasetFromSample(net.model));
    expect(report.epochs.map((e) => e.errors)).toEqual([0]);
    expect(report.epochs[0]).toMatchObject({ weights: [-2, -2], bias: 3 });
  });

  it('does not converge on XOR, which no single unit separates', () => {
    const model = nand();
    model.sample = {
      input: [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ],
      target: [[0], [1], [1], [0]],
    };
    const net = Network.fromModel(model, { backend: createCpuBackend() });
    const report = trainPerceptron(net, datasetFromSample(model), { epochs: 50 });
    expect(report.converged).toBe(false);
    expect(report.epochs).toHaveLength(50);
    expect(report.epochs.every((e) => e.errors > 0)).toBe(true);
  });

  it('refuses a network that is not input -> dense (1 unit) -> step, and targets that are not 0/1', () => {
    const xor = example('xor-mlp.json');
    const net = Network.fromModel(xor, { backend: createCpuBackend() });
    expect(() => trainPerceptron(net, datasetFromSample(xor))).toThrow(PerceptronError);
    const signs = nand();
    signs.sample = { input: [[0, 0]], target: [[-1]] };
    const unit = Network.fromModel(signs, { backend: createCpuBackend() });
    expect(() => trainPerceptron(unit, datasetFromSample(signs))).toThrow(/targets must be 0 or 1/);
  });
});
