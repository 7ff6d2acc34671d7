import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/core/backend/backend';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import { Network } from '../../../src/core/graph/network';
import type { Params } from '../../../src/core/layers/kind';
import type { Shape } from '../../../src/core/tensor/shape';
import type { Tensor } from '../../../src/core/tensor/tensor';
import { adagrad } from '../../../src/core/train/adagrad';
import { adam } from '../../../src/core/train/adam';
import { datasetFromSample } from '../../../src/core/train/dataset-from-spec';
import { Trainer } from '../../../src/core/train/fit';
import { momentum } from '../../../src/core/train/momentum';
import { nesterov } from '../../../src/core/train/nesterov';
import type { Optimizer } from '../../../src/core/train/optimizer';
import type { OptimizerSettings } from '../../../src/core/train/optimizer-base';
import { rmsprop } from '../../../src/core/train/rmsprop';
import { sgd } from '../../../src/core/train/sgd';
import { cpu, expectMatchesCpu, gpuBackend, randomTensor } from './gpu-backend';

type Settings = Partial<OptimizerSettings>;

/** Every rule and its variants, each with a rate large enough that 5 steps move the weights visibly. */
const RULES: Record<string, (s: Settings) => Optimizer> = {
  sgd: (s) => sgd({ learningRate: 0.1, ...s }),
  momentum: (s) => momentum({ learningRate: 0.05, momentum: 0.9, ...s }),
  nesterov: (s) => nesterov({ learningRate: 0.05, momentum: 0.8, ...s }),
  adam: (s) => adam({ learningRate: 0.01, ...s }),
  amsgrad: (s) => adam({ learningRate: 0.01, amsgrad: true, ...s }),
  rmsprop: (s) => rmsprop({ learningRate: 0.01, ...s }),
  'rmsprop centered with momentum': (s) => rmsprop({ learningRate: 0.01, centered: true, momentum: 0.5, ...s }),
  adagrad: (s) => adagrad({ learningRate: 0.05, ...s }),
};

/** Penalties and clipValue on and off; clipValue 0.5 bites on gradients drawn from [-1, 1). */
const GRADIENT_OPTIONS: Record<string, Settings> = {
  plain: {},
  l1: { l1: 0.01 },
  l2: { l2: 0.05 },
  clipValue: { clipValue: 0.5 },
  'l1 + l2 + clipValue': { l1: 0.01, l2: 0.05, clipValue: 0.5 },
};

/** The global norm of the gradients below is about 5: 1 clips every step. */
const CONSTRAINTS: Record<string, Settings> = {
  clipNorm: { clipNorm: 1 },
  maxNorm: { maxNorm: 0.8 },
  'l2 + clipValue + clipNorm + maxNorm': { l2: 0.05, clipValue: 0.5, clipNorm: 1, maxNorm: 0.8 },
};

/** A dense weight and bias (penalties and max-norm on the weight only) and a conv weight (max-norm per filter). */
const SHAPES: Record<string, Record<string, Shape>> = {
  dense: { w: [5, 7], b: [7] },
  conv: { w: [3, 2, 3, 3], b: [3] },
};
const STEPS = 5;

function paramSet(seed: number): Map<string, Params> {
  const params = new Map<string, Params>();
  let s = seed;
  for (const [nodeId, shapes] of Object.entries(SHAPES)) {
    const p: Params = {};
    for (const [name, shape] of Object.entries(shapes)) p[name] = randomTensor(shape, s++);
    params.set(nodeId, p);
  }
  return params;
}

/** Same shapes, new values at every step; host tensors (the GPU uploads them on use). */
const gradSet = (step: number) => paramSet(1000 + 10 * step);

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

/**
 * The host keeps state and the prepared gradient in float64 and rounds w to float32 at each
 * write; the GPU does all of it in float32. Each step then differs by a few float32 ulps of the
 * update terms and of w (relative 6e-8 each). Over 5 steps that stays below 1e-6 of the largest
 * weight; divisions by sqrt of small second moments (adam, rmsprop, adagrad) can amplify it a few
 * times. 1e-5 of the largest magnitude leaves that margin and still catches any formula slip: a
 * wrong sign, a missed penalty or an off-by-one bias correction moves weights by 1e-3 and more.
 */
const TOLERANCE = 1e-5;

async function compareSteps(make: () => Optimizer): Promise<void> {
  const onCpu = paramSet(1);
  const onGpu = paramSet(1);
  const cpuOptimizer = make();
  const gpuOptimizer = make();
  const dispatchesBefore = gpu.context.counters.dispatches;
  for (let step = 0; step < STEPS; step++) {
    cpuOptimizer.step(cpu, onCpu, gradSet(step));
    gpuOptimizer.step(gpu, onGpu, gradSet(step));
  }
  expect(gpu.context.counters.dispatches).toBeGreaterThan(dispatchesBefore);
  for (const [nodeId, params] of onGpu) {
    for (const [name, t] of Object.entries(params)) {
      // Updated on the device: the host copy is stale until downloaded.
      expect(t.onHost).toBe(false);
      await expectMatchesCpu(gpu, t, (onCpu.get(nodeId) as Params)[name], TOLERANCE);
    }
  }
  expect(gpuOptimizer.iterations).toBe(STEPS);
}

describe.each(Object.entries(RULES))('%s on WebGPU matches the host optimizer over 5 steps', (_rule, make) => {
  it.each(Object.entries(GRADIENT_OPTIONS))('%s', async (_options, settings) => {
    await compareSteps(() => make(settings));
  });
  it.each(Object.entries(CONSTRAINTS))('%s', async (_options, settings) => {
    await compareSteps(() => make(settings));
  });
});

describe('device optimizer bookkeeping', () => {
  it('updates only what passes the filter and keeps its state across steps', async () => {
    const onCpu = paramSet(3);
    const onGpu = paramSet(3);
    const frozen = (_id: string, name: string) => name !== 'b';
    const a = adam({ learningRate: 0.05 });
    const b = adam({ learningRate: 0.05 });
    for (let step = 0; step < 3; step++) {
      a.step(cpu, onCpu, gradSet(step), frozen);
      b.step(gpu, onGpu, gradSet(step), frozen);
    }
    for (const [nodeId, params] of onGpu) {
      expect(params.b.onHost).toBe(true);
      expect([...params.b.data]).toEqual([...(onCpu.get(nodeId) as Params).b.data]);
      await expectMatchesCpu(gpu, params.w, (onCpu.get(nodeId) as Params).w, TOLERANCE);
    }
  });

  it('uploads the state once: later steps upload only the new gradients', async () => {
    const params = paramSet(5);
    const opt = momentum({ learningRate: 0.1 });
    const grads = gradSet(0);
    opt.step(gpu, params, grads);
    await gpu.download([...params.values()].flatMap((p) => Object.values(p)));
    const before = gpu.context.counters.uploads;
    for (const p of grads.values()) for (const g of Object.values(p)) g.touch();
    opt.step(gpu, params, grads);
    // Four gradients changed on the host; parameters and velocities stayed on the device.
    expect(gpu.context.counters.uploads - before).toBe(4);
  });

  it('leaves float64 parameters to the host path', () => {
    const w = randomTensor([2, 2], 1).cast('float64');
    const g = randomTensor([2, 2], 2).cast('float64');
    sgd(0.5).step(gpu, new Map([['n', { w }]]), new Map([['n', { w: g }]]));
    expect(w.onHost).toBe(true);
    expect(w.data[0]).toBeCloseTo(randomTensor([2, 2], 1).data[0] - 0.5 * g.data[0], 6);
  });
});

describe('a Trainer on WebGPU with adam', () => {
  const model = JSON.parse(
    readFileSync(new URL('../../../resources/examples/xor-mlp.json', import.meta.url), 'utf8'),
  ) as unknown;
  const STEPS_TRAINED = 20;

  /** Losses per step, and uploads and downloads per step after the first. */
  async function train(backend: Backend, counters?: WebGpuBackend['context']['counters']) {
    const net = Network.fromModel(model, { backend, dtype: 'float32', seed: 3 });
    const trainer = new Trainer(net, {
      train: datasetFromSample(model as Parameters<typeof datasetFromSample>[0]),
      optimizer: { type: 'adam', learningRate: 0.05 },
      batchSize: 'full',
      steps: STEPS_TRAINED,
      seed: 3,
    });
    const losses: number[] = [];
    const uploads: number[] = [];
    const downloads: number[] = [];
    for (let step = 0; step < STEPS_TRAINED; step++) {
      const up = counters?.uploads ?? 0;
      const down = counters?.downloads ?? 0;
      const progress = await trainer.trainStep();
      if (!progress) throw new Error(`training ended after ${step} steps`);
      losses.push(progress.loss);
      if (step > 0 && counters) {
        uploads.push(counters.uploads - up);
        downloads.push(counters.downloads - down);
      }
    }
    await backend.download(net.paramTensors());
    const params = net.paramTensors().map((t: Tensor) => [...t.data]);
    return { losses, uploads, downloads, params, count: net.paramTensors().length };
  }

  it('takes the same 20 steps as the CPU, without uploading the parameters again', async () => {
    const expected = await train(cpu);
    const actual = await train(gpu, gpu.context.counters);
    // The same backend without applyUpdates: the optimizer runs on the host, as before.
    const hostOptimizer: Backend = { ...gpu, applyUpdates: undefined };
    const before = await train(hostOptimizer, gpu.context.counters);

    expect(expected.losses[STEPS_TRAINED - 1]).toBeLessThan(expected.losses[0]);
    // Forward and backward in float32 on both sides, summed in another order on the GPU, then
    // adam in float32 instead of float64 state: 1e-4 relative after 20 steps, as examples.test.ts.
    for (let i = 0; i < STEPS_TRAINED; i++) {
      expect(Math.abs(actual.losses[i] - expected.losses[i])).toBeLessThanOrEqual(1e-4 * expected.losses[i]);
      expect(Math.abs(before.losses[i] - expected.losses[i])).toBeLessThanOrEqual(1e-4 * expected.losses[i]);
    }
    expected.params.forEach((values, p) => {
      const scale = Math.max(1, ...values.map(Math.abs));
      values.forEach((v, i) => {
        expect(Math.abs(actual.params[p][i] - v)).toBeLessThanOrEqual(1e-4 * scale);
      });
    });

    console.log(
      `xor-mlp, adam, per step after the first: uploads ${before.uploads[0]} with the host optimizer, ` +
        `${actual.uploads[0]} with the device one; downloads ${before.downloads[0]} and ${actual.downloads[0]}`,
    );
    // Each step uploads the batch; the host optimizer also re-uploads every parameter it touched.
    expect(new Set(actual.uploads).size).toBe(1);
    expect(new Set(before.uploads).size).toBe(1);
    expect(before.uploads[0] - actual.uploads[0]).toBe(expected.count);
    // The parameters now change on the device, so the Trainer's download after the update is a real one.
    expect(before.downloads).toEqual(Array(STEPS_TRAINED - 1).fill(1));
    expect(actual.downloads).toEqual(Array(STEPS_TRAINED - 1).fill(2));
  });
});
