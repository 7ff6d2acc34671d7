import type { NodeCategory } from '../../core/layers/kind';

/** Parameters index their rows and columns i, j (Dense W [inputs, units]); a filter bank's maps by filter and channel. */
export const PARAM_AXES: readonly [string, string] = ['i', 'j'];
export const PARAM_SLICES: readonly [string, string] = ['filter', 'channel'];

/** What the values at a node are called, so tables and formulas use the same letters. */
export interface Notation {
  input: string;
  output: string;
  /** dE/d(output), as it arrives from the consumers. */
  upstream: string;
  /** dE/d(input), as it leaves for the producers. */
  inputGrad: string;
  local: string;
}

const notations: Record<NodeCategory, Notation> = {
  input: { input: 'x', output: 'x', upstream: '∂E/∂x', inputGrad: '∂E/∂x', local: '' },
  layer: { input: 'x', output: 'y', upstream: 'δ = ∂E/∂y', inputGrad: '∂E/∂x', local: '' },
  activation: { input: 'net', output: 'out', upstream: '∂E/∂out', inputGrad: '∂E/∂net', local: 'f′(net)' },
  loss: { input: 'y', output: 'E', upstream: '∂E/∂E', inputGrad: '∂E/∂y', local: '' },
};

export function notationFor(category: NodeCategory): Notation {
  return notations[category];
}

/** One sentence saying where the chain rule's factors at a node come from and where its result goes. */
export function backwardLegend(category: NodeCategory, inputs: string[], consumers: string[]): string {
  const from = consumers.length ? consumers.join(', ') : 'nothing (no loss depends on it)';
  const to = inputs.join(', ');
  switch (category) {
    case 'input':
      return `∂E/∂x is what reaches the input, from ${from}.`;
    case 'loss':
      return `y is the prediction from ${to}, t the target; ∂E/∂y goes back to ${to}.`;
    case 'activation':
      return `∂E/∂out arrives from ${from}; times f′(net), it goes back to ${to} as ∂E/∂net.`;
    default:
      return `δ = ∂E/∂y arrives from ${from}; x is the input from ${to}, where ∂E/∂x goes back.`;
  }
}
