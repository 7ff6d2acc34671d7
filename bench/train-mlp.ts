import type { Tensor as TfTensor, Variable } from '@tensorflow/tfjs-core';
import { initialValues, syntheticSet, timeOurTrainStep, timeTfjsTrainStep, trainColumns } from './train-step';
import type { BenchCase, Benchmark, Tf } from './types';

const INPUTS = 784;
const CLASSES = 10;
const BATCH = 128;

/** An MNIST-size MLP in the model format: input [784], dense + ReLU per hidden layer, dense 10, softmax cross-entropy. */
export function mlpModel(hidden: readonly number[]): object {
  const nodes: object[] = [{ id: 'image', type: 'input', config: { shape: [INPUTS] } }];
  const ids = ['image'];
  hidden.forEach((units, i) => {
    nodes.push({ id: `hidden${i}`, type: 'dense', config: { units } });
    nodes.push({ id: `hidden${i}_act`, type: 'relu', config: {} });
    ids.push(`hidden${i}`, `hidden${i}_act`);
  });
  nodes.push({ id: 'logits', type: 'dense', config: { units: CLASSES } });
  nodes.push({ id: 'loss', type: 'softmax_cross_entropy', config: {} });
  ids.push('logits', 'loss');
  return {
    format: 'backprop-studio.model',
    version: 1,
    name: `MLP ${[INPUTS, ...hidden, CLASSES].join('-')}`,
    nodes,
    edges: ids.slice(1).map((to, i) => ({ from: ids[i], to })),
  };
}

/** The same MLP in TensorFlow.js: fused matMul + bias (+ ReLU) per layer, as tfjs-layers' Dense does. */
function tfMlp(tf: Tf, hidden: readonly number[]): { variables: Variable[]; logits: (x: TfTensor) => TfTensor } {
  const sizes = [INPUTS, ...hidden, CLASSES];
  const layers = sizes.slice(1).map((units, i) => ({
    w: tf.variable(
      tf.tensor2d(initialValues(sizes[i] * units, 10 + i, Math.sqrt(6 / (sizes[i] + units))), [sizes[i], units]),
    ),
    b: tf.variable(tf.zeros([units])),
  }));
  const logits = (x: TfTensor) =>
    layers.reduce(
      (a, { w, b }, i) =>
        tf.fused.matMul({ a, b: w, bias: b, activation: i < layers.length - 1 ? 'relu' : 'linear' }) as TfTensor,
      x,
    );
  return { variables: layers.flatMap(({ w, b }) => [w, b]), logits };
}

function mlpCase(hidden: readonly number[]): BenchCase {
  const set = syntheticSet(BATCH, [INPUTS], CLASSES);
  return {
    label: `MLP ${[INPUTS, ...hidden, CLASSES].join('-')}, batch ${BATCH}`,
    ours: (backend, timing) => timeOurTrainStep(backend, mlpModel(hidden), set, timing),
    async tfjs(tf, timing) {
      const { variables, logits } = tfMlp(tf, hidden);
      return timeTfjsTrainStep(tf, variables, logits, set, [INPUTS], timing);
    },
  };
}

export const trainMlpBenchmark: Benchmark = {
  name: 'train-mlp',
  title: 'training step: MNIST-size MLP (ReLU, softmax cross-entropy, SGD) on random data',
  note: 'ours: Trainer.trainStep() (two read-backs a step: the loss with a non-finite-gradient count, then the updated weights); tfjs: tf.variableGrads + SGD, loss read back.',
  columns: trainColumns,
  cases: (quick) => (quick ? [[128]] : [[128], [256, 128]]).map(mlpCase),
};
