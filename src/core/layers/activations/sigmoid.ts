import { activationKind, chainRule, noConfig } from './activation';

export const sigmoidKind = activationKind({
  op: 'sigmoid',
  label: 'Sigmoid',
  summary: 'Squashes to (0, 1): 1/(1+e^-x); its slope is at most 0.25, so deep stacks of it vanish.',
  configSchema: noConfig,
  defaultConfig: {},
  alpha: () => 0,
  formula: () => ({
    forward: 'y = \\sigma(x) = \\frac{1}{1 + e^{-x}}',
    backward: chainRule('\\sigma(x)\\,(1 - \\sigma(x))'),
  }),
});
