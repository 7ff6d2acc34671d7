import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import { subset } from '../../../src/core/data/dataset';
import { digitsDataset, parseDigits } from '../../../src/core/data/digits';
import { Network } from '../../../src/core/graph/network';
import { findKind } from '../../../src/core/layers/registry';
import { evaluate } from '../../../src/core/train/evaluate';
import { Trainer } from '../../../src/core/train/fit';
import { mlpModel } from './models';

const file = new URL('../../../resources/datasets/digits.bin', import.meta.url);

describe('digits MLP', () => {
  it('784 -> 64 relu -> 10 reaches >= 90% test accuracy on 3000 training digits', async () => {
    const all = digitsDataset(parseDigits(gunzipSync(readFileSync(file))), { limit: 4000 });
    // The file is shuffled once when built, so its first 3000 digits and the next 1000 are disjoint samples.
    const train = subset(
      all,
      Uint32Array.from({ length: 3000 }, (_, i) => i),
      'digits (train)',
    );
    const test = subset(
      all,
      Uint32Array.from({ length: 1000 }, (_, i) => 3000 + i),
      'digits (test)',
    );
    const fused = findKind('softmax_cross_entropy') !== undefined;
    const model = fused
      ? mlpModel(
          [1, 28, 28],
          [
            { units: 64, activation: 'relu' },
            { units: 10, activation: 'none' },
          ],
          'softmax_cross_entropy',
        )
      : mlpModel(
          [1, 28, 28],
          [
            { units: 64, activation: 'relu' },
            { units: 10, activation: 'softmax' },
          ],
          'mse',
        );
    const net = Network.fromModel(model, { backend: createCpuBackend(), seed: 1 });
    const epochs: { loss: number; validationAccuracy?: number; seconds: number }[] = [];
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const report = await new Trainer(net, {
      train,
      validation: test,
      optimizer: { type: 'adam', learningRate: 0.002 },
      batchSize: 32,
      epochs: 5,
      seed: 1,
      onEpoch: (e) => epochs.push(e),
    }).run();
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    // CPU time, not wall time: the budget holds on one core however busy the machine is.
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    const result = await evaluate(net, test);
    console.log(
      `digits MLP: test accuracy ${result.accuracy}, ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU; loss/val acc per epoch`,
      epochs.map((e) => `${e.loss.toFixed(3)}/${e.validationAccuracy?.toFixed(3)}`).join(' '),
    );
    expect(report.epochs).toBe(5);
    expect(result.accuracy).toBeGreaterThanOrEqual(0.9);
    expect(cpuSeconds).toBeLessThan(20);
  });
});
