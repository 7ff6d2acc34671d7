import { binaryCrossEntropyKind } from '../losses/binary-cross-entropy';
import { binaryCrossEntropyWithLogitsKind } from '../losses/binary-cross-entropy-with-logits';
import { centerLossKind } from '../losses/center-loss';
import { mseKind } from '../losses/mse';
import { softmaxCrossEntropyKind } from '../losses/softmax-cross-entropy';
import { squaredErrorKind } from '../losses/squared-error';
import { identityKind } from './activations/identity';
import { leakyReluKind } from './activations/leaky-relu';
import { reluKind } from './activations/relu';
import { sigmoidKind } from './activations/sigmoid';
import { softmaxKind } from './activations/softmax';
import { softplusKind } from './activations/softplus';
import { stepKind } from './activations/step';
import { tanhKind } from './activations/tanh';
import { addKind } from './add';
import { avgPool2dKind } from './avg-pool2d';
import { batchNormKind } from './batch-norm';
import { concatKind } from './concat';
import { conv2dKind } from './conv2d';
import { denseKind } from './dense';
import { dropoutKind } from './dropout';
import { flattenKind } from './flatten';
import { globalAvgPoolKind } from './global-avg-pool';
import { groupNormKind } from './group-norm';
import { inputKind } from './input';
import type { AnyNodeKind } from './kind';
import { layerNormKind } from './layer-norm';
import { localResponseNormKind } from './local-response-norm';
import { maxPool2dKind } from './max-pool2d';
import { reshapeKind } from './reshape';

/** Every node kind the engine has, in palette order. */
export const nodeKinds: readonly AnyNodeKind[] = [
  inputKind,
  denseKind,
  // Convolution, pooling and shape changes.
  conv2dKind,
  maxPool2dKind,
  avgPool2dKind,
  globalAvgPoolKind,
  flattenKind,
  reshapeKind,
  // Normalisation, regularisation and merges.
  batchNormKind,
  layerNormKind,
  groupNormKind,
  localResponseNormKind,
  dropoutKind,
  addKind,
  concatKind,
  identityKind,
  stepKind,
  sigmoidKind,
  tanhKind,
  reluKind,
  leakyReluKind,
  softplusKind,
  softmaxKind,
  squaredErrorKind,
  mseKind,
  binaryCrossEntropyKind,
  binaryCrossEntropyWithLogitsKind,
  softmaxCrossEntropyKind,
  centerLossKind,
];

const byType = new Map(nodeKinds.map((k) => [k.type, k]));

export function findKind(type: string): AnyNodeKind | undefined {
  return byType.get(type);
}

export function nodeTypes(): string[] {
  return nodeKinds.map((k) => k.type);
}
