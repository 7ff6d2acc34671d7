import { activationKind, chainRule, noConfig } from './activation';

export const softplusKind = activationKind({
  op: 'softplus',
  label: 'Softplus',
  summary: 'ln(1 + e^x), a smooth ReLU whose derivative is the sigmoid.',
  configSchema: noConfig,
  defaultConfig: {},
  alpha: () => 0,
  formula: () => ({
    forward: 'y = \\ln(1 + e^{x})',
    backward: chainRule('\\sigma(x)'),
  }),
});
