import { readdirSync, readFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  type Backend,
  type DigitImages,
  type ModelJson,
  type NestedArray,
  Network,
  NonFiniteTrainingError,
  type Plan,
  parseDigits,
  syntheticDataset,
  type Trace,
  Trainer,
  validateModel,
} from '../../../src/core';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import { datasetFromSample, datasetFromSpec } from '../../../src/core/train/dataset-from-spec';
import { prepareTraining } from '../../../src/core/train/from-model';
import { cpu, gpuBackend } from './gpu-backend';

/**
 * Every example model, built twice from the same seed in float32, once on the CPU backend and
 * once on WebGPU: one traced pass and three training steps must agree.
 *
 * Every example runs: every kind the examples use runs on the CPU backend, the perceptron
 * models included (step's forward is a threshold and its derivative is zero, so backprop runs).
 * perceptron-learn-nand's training section asks for the perceptron rule, which is host code over
 * the weight arrays (trainPerceptron) and touches no backend; the Trainer's backprop steps on its
 * section (sgd, lr 1, on the sample) are what is compared there.
 */

const EXAMPLES = new URL('../../../resources/examples/', import.meta.url);
const names = readdirSync(EXAMPLES)
  .filter((f) => f.endsWith('.json'))
  .sort();
const readModel = (name: string): ModelJson => JSON.parse(readFileSync(new URL(name, EXAMPLES), 'utf8'));

const SEED = 7;
const STEPS = 3;
/**
 * Float32 kernels sum in another order than the CPU backend (tiled matmul, tree reductions), so
 * values differ by a few ulps of the largest value they were summed from; 1e-4 of a tensor's
 * largest magnitude leaves room for that through a dozen layers and nothing more.
 */
const TOLERANCE = 1e-4;

let digits: DigitImages | undefined;
function digitImages(): DigitImages {
  digits ??= parseDigits(gunzipSync(readFileSync(new URL('../../../resources/datasets/digits.bin', import.meta.url))));
  return digits;
}

function flatten(v: NestedArray | null | undefined, out: number[] = []): number[] {
  if (v === null || v === undefined) return out;
  if (typeof v === 'number') out.push(v);
  else for (const x of v) flatten(x, out);
  return out;
}

const maxAbs = (values: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  return m;
};

/**
 * Where a GPU tensor strays from the CPU one by more than the tolerance relative to the larger
 * of the two tensors' largest magnitudes: a line with the numbers, or undefined when they agree.
 */
function mismatch(what: string, expected: ArrayLike<number>, actual: ArrayLike<number>, floor = 0): string | undefined {
  if (expected.length !== actual.length) return `${what}: ${actual.length} values, the CPU has ${expected.length}`;
  const scale = Math.max(maxAbs(expected), maxAbs(actual), floor);
  let worst = 0;
  let at = -1;
  for (let i = 0; i < expected.length; i++) {
    const e = expected[i];
    const a = actual[i];
    if (Number.isNaN(e) && Number.isNaN(a)) continue;
    if (e === a) continue;
    const err = Math.abs(a - e) / scale;
    if (!(err <= worst)) {
      worst = err;
      at = i;
    }
  }
  if (worst <= TOLERANCE) return undefined;
  return `${what}: at ${at} GPU ${actual[at]} vs CPU ${expected[at]} (relative to max ${scale.toExponential(3)}: ${worst.toExponential(2)})`;
}

/**
 * A parameter gradient is a sum over the batch (and positions) of input times output gradient;
 * where the terms cancel (a bias just before a batch norm, whose gradient is zero in exact
 * arithmetic, or a balanced sample) the sum is rounding noise of the terms' size, so it is
 * compared on the scale of its terms: the node's largest output gradient times its largest input.
 */
function termScale(plan: Plan, trace: Trace, id: string): number {
  const node = plan.byId.get(id);
  const input = node?.inputs[0];
  const x = input === undefined ? 1 : Math.max(1, maxAbs(flatten(trace.nodes[input].output)));
  return maxAbs(flatten(trace.nodes[id].grad)) * x;
}

function traceMismatches(plan: Plan, expected: Trace, actual: Trace): string[] {
  const out: (string | undefined)[] = [];
  out.push(mismatch('loss', [expected.loss ?? Number.NaN], [actual.loss ?? Number.NaN]));
  expect(Object.keys(actual.nodes)).toEqual(Object.keys(expected.nodes));
  for (const [id, e] of Object.entries(expected.nodes)) {
    const a = actual.nodes[id];
    out.push(mismatch(`${id} output`, flatten(e.output), flatten(a.output)));
    if ((e.grad === null) !== (a.grad === null)) out.push(`${id} grad: CPU ${e.grad === null ? 'none' : 'some'}`);
    out.push(mismatch(`${id} grad`, flatten(e.grad), flatten(a.grad)));
    expect(Object.keys(a.params)).toEqual(Object.keys(e.params));
    for (const [name, p] of Object.entries(e.params)) {
      out.push(mismatch(`${id}.${name} value`, flatten(p.value), flatten(a.params[name].value)));
      if ((p.grad === null) !== (a.params[name].grad === null)) out.push(`${id}.${name} grad: only one side has it`);
      const terms = termScale(plan, expected, id);
      out.push(mismatch(`${id}.${name} grad`, flatten(p.grad), flatten(a.params[name].grad), terms));
    }
  }
  return out.filter((m): m is string => m !== undefined);
}

/**
 * The trainer the model itself asks for: its training section on the dataset that names (or on
 * its sample when it names none), else plain SGD on the sample, one full batch per step.
 */
function trainerFor(model: ModelJson, backend: Backend): { net: Network; trainer: Trainer } {
  if (model.training) {
    const spec = model.training.dataset;
    const plan = validateModel(model).plan;
    const data = spec
      ? datasetFromSpec(spec, spec.name === 'digits' ? { digits: digitImages() } : {}, plan)
      : datasetFromSample(model);
    const { net, trainer } = prepareTraining(model, data, { backend, dtype: 'float32' });
    return { net, trainer };
  }
  const net = Network.fromModel(model, { backend, dtype: 'float32', seed: SEED });
  const trainer = new Trainer(net, {
    train: datasetFromSample(model),
    optimizer: { type: 'sgd', learningRate: 0.1 },
    batchSize: 'full',
    seed: SEED,
    steps: STEPS,
  });
  return { net, trainer };
}

interface Trained {
  losses: number[];
  validationLosses: (number | undefined)[];
  params: Map<string, Float32Array | Float64Array>;
  /** Where training stopped on a non-finite value, as the error says. */
  stopped?: { step: number; nodeId?: string; stage: string };
}

async function trainSteps(model: ModelJson, backend: Backend): Promise<Trained> {
  const { net, trainer } = trainerFor(model, backend);
  const losses: number[] = [];
  let stopped: Trained['stopped'];
  try {
    for (let i = 0; i < STEPS; i++) {
      const progress = await trainer.trainStep();
      if (!progress) throw new Error(`training ended after ${i} steps`);
      losses.push(progress.loss);
    }
  } catch (e) {
    if (!(e instanceof NonFiniteTrainingError)) throw e;
    stopped = { step: e.step, nodeId: e.nodeId, stage: e.stage };
  }
  await backend.download(net.paramTensors());
  const params = new Map<string, Float32Array | Float64Array>();
  for (const [id, nodeParams] of net.params) {
    for (const [name, t] of Object.entries(nodeParams)) params.set(`${id}.${name}`, t.data.slice());
  }
  return { losses, validationLosses: trainer.history.map((h) => h.validationLoss), params, stopped };
}

/**
 * Parameters whose values after a few steps are rounding noise on either backend, so not
 * compared: the bias of a layer whose only consumer is a batch norm (the norm subtracts the batch
 * mean, so the bias's gradient is zero in exact arithmetic and what is left is noise of about
 * 1e-9; Adam divides by its own size and turns it into steps of up to the learning rate, another
 * noise on each side), and the running mean of that batch norm, which averages those biases in.
 * The losses after the steps (training mode, where the bias cancels) are still compared, and so
 * is the running variance, which a shift does not change.
 */
function noiseDriven(plan: Plan): Set<string> {
  const keys = new Set<string>();
  for (const node of plan.nodes) {
    const consumers = node.consumers.map((id) => plan.byId.get(id));
    if (consumers.length === 0 || !consumers.every((c) => c?.kind.type === 'batch_norm')) continue;
    if (!('b' in node.paramSpecs)) continue;
    keys.add(`${node.id}.b`);
    for (const c of consumers) if (c) keys.add(`${c.id}.running_mean`);
  }
  return keys;
}

let gpu: WebGpuBackend;
beforeAll(async () => {
  gpu = await gpuBackend();
});

describe.each(names)('example %s on WebGPU and on the CPU', (name) => {
  it('traces the same values and gradients, node by node', async () => {
    const model = readModel(name);
    const onCpu = Network.fromModel(model, { backend: cpu, dtype: 'float32', seed: SEED });
    const onGpu = Network.fromModel(model, { backend: gpu, dtype: 'float32', seed: SEED });
    const expected = await onCpu.trace(onCpu.context());
    const actual = await onGpu.trace(onGpu.context());
    expect(Number.isFinite(expected.loss)).toBe(true);
    expect(traceMismatches(onCpu.plan, expected, actual)).toEqual([]);
  });

  it(`takes the same ${STEPS} training steps: losses and final parameters`, async () => {
    const model = readModel(name);
    const expected = await trainSteps(model, cpu);
    const actual = await trainSteps(model, gpu);
    // exploding.json is meant to blow up: then both must stop at the same step, node and stage,
    // with the weights from before that step.
    expect(actual.stopped).toEqual(expected.stopped);
    expect(actual.losses).toHaveLength(expected.losses.length);
    expect(expected.losses.every(Number.isFinite)).toBe(true);
    const skipped = noiseDriven(validateModel(model).plan as Plan);
    const found = [
      mismatch('losses', expected.losses, actual.losses),
      ...expected.validationLosses.map((v, i) =>
        mismatch(`validation loss ${i}`, [v ?? Number.NaN], [actual.validationLosses[i] ?? Number.NaN]),
      ),
      ...[...expected.params]
        .filter(([key]) => !skipped.has(key))
        .map(([key, values]) => mismatch(`${key} after the steps`, values, actual.params.get(key) ?? [])),
    ].filter((m): m is string => m !== undefined);
    expect(actual.validationLosses).toHaveLength(expected.validationLosses.length);
    expect(found).toEqual([]);
  });
});

/** The collector, where Node lets a test switch it on; undefined otherwise. */
function collector(): (() => void) | undefined {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

describe('a plain MLP training on WebGPU', () => {
  const xor = () => readModel('xor-mlp.json');
  const newTrainer = (net: Network) =>
    new Trainer(net, {
      train: syntheticDataset('xor', { samples: 64, seed: 1 }),
      optimizer: { type: 'sgd', learningRate: 0.1 },
      batchSize: 16,
      epochs: 1000,
      seed: 1,
    });

  it('downloads once per step, plus once after the update', async () => {
    const net = Network.fromModel(xor(), { backend: gpu, dtype: 'float32', seed: SEED });
    const trainer = newTrainer(net);
    await trainer.trainStep();
    const perStep: number[] = [];
    for (let i = 0; i < 8; i++) {
      const before = gpu.context.counters.downloads;
      await trainer.trainStep();
      perStep.push(gpu.context.counters.downloads - before);
    }
    // Two downloads a step: before the update, the loss, the predictions and the gradients
    // (with the parameters, which the snapshot that undoes a non-finite update copies); after it,
    // the parameters the optimizer wrote on the device, which the snapshot checks are finite.
    // Every other value of the pass stays on the device.
    expect(perStep).toEqual(Array(8).fill(2));
  });

  it('holds no more GPU memory after 50 steps than after 10', async () => {
    const gc = collector();
    const net = Network.fromModel(xor(), { backend: gpu, dtype: 'float32', seed: SEED });
    const trainer = newTrainer(net);
    const inUse = async () => {
      // Finalizers run in later tasks, and one collection may leave some garbage for the next;
      // the buffers they free go back to the pool at the next submit.
      for (let i = 0; gc && i < 3; i++) {
        gc();
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      await gpu.context.finish();
      return gpu.context.memory().inUse;
    };
    let at10 = 0;
    for (let step = 1; step <= 50; step++) {
      await trainer.trainStep();
      if (step === 10) at10 = await inUse();
    }
    const at50 = await inUse();
    console.log(`GPU memory in use: ${at10} bytes after step 10, ${at50} after step 50 (gc ${gc ? 'on' : 'off'})`);
    // Every buffer is a pool size class (256-byte steps at this size): allow one buffer's worth of
    // rounding, not growth step after step.
    expect(at50).toBeLessThanOrEqual(at10 + 256);
  });
});
