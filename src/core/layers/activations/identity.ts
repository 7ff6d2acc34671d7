import { activationKind, chainRule, noConfig } from './activation';

export const identityKind = activationKind({
  op: 'identity',
  label: 'Identity',
  summary: 'y = x: the linear output of a regression network.',
  configSchema: noConfig,
  defaultConfig: {},
  alpha: () => 0,
  formula: () => ({ forward: 'y = x', backward: chainRule('1') }),
});
