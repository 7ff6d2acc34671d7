import { readFileSync } from 'node:fs';
import type { Tensor4D, Tensor as TfTensor } from '@tensorflow/tfjs-core';
import { initialValues, syntheticSet, timeOurTrainStep, timeTfjsTrainStep, trainColumns } from './train-step';
import type { BenchCase, Benchmark, Tf } from './types';

const CLASSES = 10;

function lenetModel(): unknown {
  return JSON.parse(readFileSync(new URL('../resources/examples/lenet5.json', import.meta.url), 'utf8'));
}

/** resources/examples/lenet5.json in TensorFlow.js (NHWC): conv 6@5x5 pad 2, tanh, avg pool 2, conv 16@5x5, tanh, avg pool 2, dense 120, 84, 10. */
function tfLenet(tf: Tf) {
  const limit = (fanIn: number, fanOut: number) => Math.sqrt(6 / (fanIn + fanOut));
  const filters = (kernel: number, cin: number, cout: number, seed: number) =>
    tf.variable(
      tf.tensor4d(
        initialValues(kernel * kernel * cin * cout, seed, limit(kernel * kernel * cin, kernel * kernel * cout)),
        [kernel, kernel, cin, cout],
      ),
    );
  const weights = (inputs: number, units: number, seed: number) =>
    tf.variable(tf.tensor2d(initialValues(inputs * units, seed, limit(inputs, units)), [inputs, units]));
  const c1 = filters(5, 1, 6, 21);
  const c3 = filters(5, 6, 16, 22);
  const f5 = weights(400, 120, 23);
  const f6 = weights(120, 84, 24);
  const out = weights(84, 10, 25);
  const [b1, b3, b5, b6, bOut] = [6, 16, 120, 84, 10].map((n) => tf.variable(tf.zeros([n])));
  const logits = (x: TfTensor) => {
    const a1 = tf.avgPool(
      tf.tanh(tf.fused.conv2d({ x: x as Tensor4D, filter: c1, bias: b1, strides: 1, pad: 2 })),
      2,
      2,
      'valid',
    );
    const a3 = tf.avgPool(
      tf.tanh(tf.fused.conv2d({ x: a1, filter: c3, bias: b3, strides: 1, pad: 'valid' })),
      2,
      2,
      'valid',
    );
    const h5 = tf.tanh(tf.fused.matMul({ a: tf.reshape(a3, [-1, 400]), b: f5, bias: b5 }));
    const h6 = tf.tanh(tf.fused.matMul({ a: h5, b: f6, bias: b6 }));
    return tf.fused.matMul({ a: h6, b: out, bias: bOut });
  };
  return { variables: [c1, b1, c3, b3, f5, b5, f6, b6, out, bOut], logits };
}

function lenetCase(batch: number): BenchCase {
  const set = syntheticSet(batch, [1, 28, 28], CLASSES);
  return {
    label: `LeNet-5 1x28x28, batch ${batch}`,
    ours: (backend, timing) => timeOurTrainStep(backend, lenetModel(), set, timing),
    async tfjs(tf, timing) {
      const { variables, logits } = tfLenet(tf);
      return timeTfjsTrainStep(tf, variables, logits, set, [28, 28, 1], timing);
    },
  };
}

export const trainLenetBenchmark: Benchmark = {
  name: 'train-lenet',
  title: 'training step: LeNet-5 (resources/examples/lenet5.json, SGD) on random data',
  note: 'ours: Trainer.trainStep() (two read-backs a step: the loss with a non-finite-gradient count, then the updated weights); tfjs: tf.variableGrads + SGD, loss read back.',
  columns: trainColumns,
  // Quick runs a smaller batch: a tfjs CPU step takes seconds at batch 64.
  cases: (quick) => [lenetCase(quick ? 16 : 64)],
};
