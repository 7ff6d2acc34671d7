import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import type { AugmentOptions } from '../../../src/core/data/augment';
import { syntheticDataset } from '../../../src/core/data/synthetic';
import { Network } from '../../../src/core/graph/network';
import { Tensor } from '../../../src/core/tensor/tensor';
import { evaluate } from '../../../src/core/train/evaluate';
import { Trainer } from '../../../src/core/train/fit';
import { NonFiniteTrainingError } from '../../../src/core/train/non-finite';
import { firstKnown, mlpModel } from './models';

const backend = createCpuBackend();
const xorModel = () =>
  mlpModel(
    [2],
    [
      { units: 8, activation: 'tanh' },
      { units: 1, activation: 'sigmoid' },
    ],
    firstKnown('binary_cross_entropy', 'mse'),
  );
const weights = (net: Network) =>
  [...net.params.values()].flatMap((p) => Object.values(p).flatMap((t) => Array.from(t.data)));

describe('Trainer', () => {
  it('learns the XOR dataset to 100% training accuracy with Adam', async () => {
    const train = syntheticDataset('xor', { samples: 200, seed: 1 });
    const net = Network.fromModel(xorModel(), { backend, seed: 1 });
    const trainer = new Trainer(net, {
      train,
      optimizer: { type: 'adam', learningRate: 0.05 },
      batchSize: 16,
      epochs: 80,
      seed: 1,
    });
    const report = await trainer.run();
    const result = await evaluate(net, train);
    expect(report.epochs).toBe(80);
    expect(report.steps).toBe(80 * 13);
    expect(result.accuracy).toBe(1);
    expect(report.history[79].loss).toBeLessThan(report.history[0].loss);
  });

  it('reproduces a seeded run exactly and reports progress and validation', async () => {
    const run = async () => {
      const data = syntheticDataset('circle', { samples: 120, noise: 0.1, seed: 4 });
      const net = Network.fromModel(xorModel(), { backend, seed: 2 });
      const progress: number[] = [];
      const trainer = new Trainer(net, {
        train: data,
        validation: syntheticDataset('circle', { samples: 60, noise: 0.1, seed: 5 }),
        optimizer: {
          type: 'rmsprop',
          learningRate: { type: 'exponential', learningRate: 0.01, decaySteps: 10, decayRate: 0.9 },
        },
        batchSize: 10,
        epochs: 3,
        seed: 9,
        onProgress: (p) => progress.push(p.loss, p.learningRate, p.epoch, p.batch),
      });
      const report = await trainer.run();
      return { report, progress, weights: weights(net) };
    };
    const a = await run();
    const b = await run();
    expect(a.weights).toEqual(b.weights);
    expect(a.progress).toEqual(b.progress);
    expect(a.report.history.map((h) => [h.loss, h.validationLoss])).toEqual(
      b.report.history.map((h) => [h.loss, h.validationLoss]),
    );
    expect(a.report.history).toHaveLength(3);
    expect(a.report.history[2].validationAccuracy).toBeGreaterThan(0);
    // Step 12 of 36 (index 12) uses 0.01 * 0.9^1.2.
    expect(a.progress[12 * 4 + 1]).toBeCloseTo(0.01 * 0.9 ** 1.2, 12);
  });

  it('supports batch 1, full batch and a step cap', async () => {
    const train = syntheticDataset('gaussians', { samples: 30, seed: 2 });
    const online = await new Trainer(Network.fromModel(xorModel(), { backend }), {
      train,
      batchSize: 1,
      epochs: 2,
    }).run();
    expect(online.steps).toBe(60);
    const full = await new Trainer(Network.fromModel(xorModel(), { backend }), {
      train,
      batchSize: 'full',
      epochs: 5,
    }).run();
    expect(full.steps).toBe(5);
    const capped = await new Trainer(Network.fromModel(xorModel(), { backend }), {
      train,
      batchSize: 7,
      steps: 12,
    }).run();
    expect(capped.steps).toBe(12);
    expect(capped.epochs).toBe(3); // 5 batches per epoch; the third epoch ends early, at the cap
  });

  it('augments image batches reproducibly from the seed', async () => {
    const images = Tensor.zeros([12, 1, 5, 5]);
    for (let i = 0; i < images.size; i += 3) images.data[i] = 1;
    const targets = Tensor.fromArray(
      [12, 1],
      Array.from({ length: 12 }, (_, i) => i % 2),
    );
    const model = mlpModel([1, 5, 5], [{ units: 1, activation: 'sigmoid' }], 'mse');
    const losses = async (augment: AugmentOptions | undefined) => {
      const out: number[] = [];
      const net = Network.fromModel(model, { backend, seed: 1 });
      await new Trainer(net, {
        train: { name: 'img', inputs: images, targets },
        batchSize: 4,
        epochs: 2,
        augment,
        onProgress: (p) => out.push(p.loss),
      }).run();
      return out;
    };
    const augment = { shift: 0.2, flipHorizontal: true, noise: 0.05 };
    expect(await losses(augment)).toEqual(await losses(augment));
    expect(await losses(augment)).not.toEqual(await losses(undefined));
  });

  it('leaves frozen nodes unchanged', async () => {
    const net = Network.fromModel(xorModel(), { backend, seed: 3 });
    const before = Array.from(net.params.get('dense0')?.W.data ?? []);
    const out = Array.from(net.params.get('dense1')?.W.data ?? []);
    await new Trainer(net, { train: syntheticDataset('xor', { samples: 40 }), frozen: ['dense0'], epochs: 2 }).run();
    expect(Array.from(net.params.get('dense0')?.W.data ?? [])).toEqual(before);
    expect(Array.from(net.params.get('dense1')?.W.data ?? [])).not.toEqual(out);
  });

  it('stops within 100 ms of a stop request, and pauses', async () => {
    const train = syntheticDataset('spiral', { samples: 2000, noise: 0.2, seed: 3 });
    const net = Network.fromModel(xorModel(), { backend });
    const trainer = new Trainer(net, { train, batchSize: 32, epochs: 100_000 });
    const running = trainer.run();
    await new Promise((r) => setTimeout(r, 150));
    trainer.pause();
    await new Promise((r) => setTimeout(r, 60));
    const pausedAt = trainer.step;
    expect(pausedAt).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 100));
    expect(trainer.step).toBe(pausedAt);
    trainer.resume();
    await new Promise((r) => setTimeout(r, 100));
    expect(trainer.step).toBeGreaterThan(pausedAt);
    const asked = performance.now();
    trainer.stop();
    const report = await running;
    const latency = performance.now() - asked;
    expect(report.stopped).toBe(true);
    expect(latency).toBeLessThan(100);
  });

  it('stops on a NaN input, naming the input node and the step, weights kept', async () => {
    const train = syntheticDataset('xor', { samples: 40, seed: 1 });
    train.inputs.data[2 * 25] = Number.NaN; // sample 25: first met in epoch 0 without shuffling, at batch 25 / 8 = 3
    const net = Network.fromModel(xorModel(), { backend, seed: 1 });
    let afterStep3: number[] = [];
    const trainer = new Trainer(net, {
      train,
      batchSize: 8,
      epochs: 3,
      shuffle: false,
      onProgress: (p) => {
        if (p.step === 3) afterStep3 = weights(net);
      },
    });
    let error: unknown;
    try {
      await trainer.run();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(NonFiniteTrainingError);
    const err = error as NonFiniteTrainingError;
    expect(err.step).toBe(3);
    expect(err.nodeId).toBe('x');
    expect(err.stage).toBe('forward');
    expect(err.message).toMatch(/step 3.*node 'x'/);
    expect(weights(net)).toEqual(afterStep3);
    expect(weights(net).every(Number.isFinite)).toBe(true);
  });

  it('names the layer that produced NaN, and undoes an update that overflows', async () => {
    const train = syntheticDataset('xor', { samples: 16, seed: 1 });
    const net = Network.fromModel(xorModel(), { backend, seed: 1 });
    const w = net.params.get('dense0')?.W;
    if (!w) throw new Error('no weight');
    w.data[0] = Number.NaN;
    await expect(new Trainer(net, { train, epochs: 1 }).run()).rejects.toThrow(/step 0.*node 'dense0'/);

    const net2 = Network.fromModel(xorModel(), { backend, seed: 1 });
    const before = weights(net2);
    let caught: unknown;
    try {
      await new Trainer(net2, { train, optimizer: { type: 'sgd', learningRate: 1e300 }, epochs: 1 }).run();
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(NonFiniteTrainingError);
    expect((caught as NonFiniteTrainingError).stage).toBe('update');
    expect(weights(net2)).toEqual(before);
  });
});
