import { activationKind, chainRule, noConfig } from './activation';

export const reluKind = activationKind({
  op: 'relu',
  label: 'ReLU',
  summary: 'max(0, x): slope 1 for x > 0 and 0 otherwise (0 taken at x = 0, as TensorFlow and PyTorch do).',
  configSchema: noConfig,
  defaultConfig: {},
  alpha: () => 0,
  formula: () => ({
    forward: 'y = \\max(0, x)',
    backward: chainRule('\\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}'),
  }),
});
