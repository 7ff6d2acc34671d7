import { mseKind } from '../losses/mse';
import { squaredErrorKind } from '../losses/squared-error';
import { identityKind } from './activations/identity';
import { leakyReluKind } from './activations/leaky-relu';
import { reluKind } from './activations/relu';
import { sigmoidKind } from './activations/sigmoid';
import { softmaxKind } from './activations/softmax';
import { softplusKind } from './activations/softplus';
import { stepKind } from './activations/step';
import { tanhKind } from './activations/tanh';
import { denseKind } from './dense';
import { inputKind } from './input';
import type { AnyNodeKind } from './kind';

/** Every node kind the engine has, in palette order. */
export const nodeKinds: readonly AnyNodeKind[] = [
  inputKind,
  denseKind,
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
];

const byType = new Map(nodeKinds.map((k) => [k.type, k]));

export function findKind(type: string): AnyNodeKind | undefined {
  return byType.get(type);
}

export function nodeTypes(): string[] {
  return nodeKinds.map((k) => k.type);
}
