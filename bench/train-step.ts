import type { Scalar, Tensor as TfTensor, Variable } from '@tensorflow/tfjs-core';
import type { Backend } from '../src/core/backend/backend';
import type { Dataset } from '../src/core/data/dataset';
import { Network } from '../src/core/graph/network';
import { Tensor } from '../src/core/tensor/tensor';
import { Trainer } from '../src/core/train/fit';
import { sgd } from '../src/core/train/sgd';
import { randomOneHot, randomValues } from './data';
import { measure } from './timing';
import type { Column, Metrics, Tf, TimingOptions } from './types';

/** Batches in the synthetic training set: steps cycle through them, each one copied to the backend as in real training. */
const BATCHES = 4;
const LEARNING_RATE = 0.01;

/** Random inputs of one sample shape and one-hot targets over `classes`, as flat host arrays. */
export interface SyntheticSet {
  batch: number;
  sampleShape: number[];
  classes: number;
  inputs: Float32Array;
  targets: Float32Array;
}

export function syntheticSet(batch: number, sampleShape: number[], classes: number): SyntheticSet {
  const n = batch * BATCHES;
  const sampleSize = sampleShape.reduce((a, b) => a * b, 1);
  return {
    batch,
    sampleShape,
    classes,
    inputs: randomValues(n * sampleSize, 5),
    targets: randomOneHot(n, classes, 6),
  };
}

export const trainColumns: Column[] = [
  { key: 'msPerStep', label: 'ms/step' },
  { key: 'samplesPerSec', label: 'samples/s', throughput: true },
];

function stepMetrics(batch: number, ms: number): Metrics {
  return { msPerStep: ms, samplesPerSec: (batch * 1000) / ms };
}

/** Our Trainer's trainStep (forward, backward, the loss and gradients downloaded, an SGD update) on the set. */
export async function timeOurTrainStep(
  backend: Backend,
  model: unknown,
  set: SyntheticSet,
  timing: TimingOptions,
): Promise<Metrics> {
  const net = Network.fromModel(model, { backend, dtype: 'float32', seed: 1 });
  const n = set.batch * BATCHES;
  const train: Dataset = {
    name: 'synthetic',
    inputs: new Tensor([n, ...set.sampleShape], set.inputs),
    targets: new Tensor([n, set.classes], set.targets),
  };
  const trainer = new Trainer(net, {
    train,
    optimizer: sgd(LEARNING_RATE),
    batchSize: set.batch,
    epochs: Number.POSITIVE_INFINITY,
    shuffle: false,
    seed: 1,
  });
  const { ms } = await measure(() => trainer.trainStep(), timing);
  return stepMetrics(set.batch, ms);
}

/**
 * The same step in TensorFlow.js: tf.variableGrads of the softmax cross-entropy of `logits`, an
 * SGD step, and the loss read back. `tfSampleShape` is the sample in tfjs's layout (NHWC images).
 */
export async function timeTfjsTrainStep(
  tf: Tf,
  variables: Variable[],
  logits: (x: TfTensor) => TfTensor,
  set: SyntheticSet,
  tfSampleShape: number[],
  timing: TimingOptions,
): Promise<Metrics> {
  const optimizer = tf.train.sgd(LEARNING_RATE);
  const inputSize = set.inputs.length / (set.batch * BATCHES);
  let step = 0;
  const { ms } = await measure(async () => {
    const b = step++ % BATCHES;
    const rows = set.batch;
    const x = tf.tensor(set.inputs.subarray(b * rows * inputSize, (b + 1) * rows * inputSize), [
      rows,
      ...tfSampleShape,
    ]);
    const y = tf.tensor2d(set.targets.subarray(b * rows * set.classes, (b + 1) * rows * set.classes), [
      rows,
      set.classes,
    ]);
    const { value, grads } = tf.variableGrads(() => tf.losses.softmaxCrossEntropy(y, logits(x)) as Scalar, variables);
    optimizer.applyGradients(grads);
    await value.data();
    tf.dispose([x, y, value, ...Object.values(grads)]);
  }, timing);
  optimizer.dispose();
  tf.dispose(variables);
  return stepMetrics(set.batch, ms);
}

/** Seeded initial weights in [-limit, limit) (Glorot-like scale) for a tfjs variable. */
export function initialValues(size: number, seed: number, limit: number): Float32Array {
  return randomValues(size, seed).map((v) => v * limit);
}
