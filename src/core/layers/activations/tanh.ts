import { activationKind, chainRule, noConfig } from './activation';

export const tanhKind = activationKind({
  op: 'tanh',
  label: 'Tanh',
  summary: 'Squashes to (-1, 1), zero-centred; slope at most 1 (at x = 0).',
  configSchema: noConfig,
  defaultConfig: {},
  alpha: () => 0,
  formula: () => ({
    forward: 'y = \\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    backward: chainRule('(1 - \\tanh^2(x))'),
  }),
});
