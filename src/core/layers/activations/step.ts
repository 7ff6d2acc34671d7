import { activationKind, chainRule, noConfig } from './activation';

export const stepKind = activationKind({
  op: 'step',
  label: 'Step (perceptron)',
  summary:
    'Outputs 1 if x > 0, else 0. Its slope is 0 everywhere, so it learns by the perceptron rule, not by gradients.',
  configSchema: noConfig,
  defaultConfig: {},
  alpha: () => 0,
  formula: () => ({
    forward: 'y = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}',
    backward: `${chainRule('0')} \\quad \\text{(no gradient flows through a step)}`,
  }),
});
