import { type NodeKind, noParams } from '../kind';
import { type NoConfig, noConfig } from './activation';

/** Softmax over the last axis. Its Jacobian is diag(s) - s s^T, so backward is s * (delta - <delta, s>). */
export const softmaxKind: NodeKind<NoConfig> = {
  type: 'softmax',
  category: 'activation',
  label: 'Softmax',
  summary: 'Turns scores into probabilities that sum to 1 along the last axis.',
  configSchema: noConfig,
  defaultConfig: {},
  arity: { min: 1, max: 1 },
  outputShape: (_config, [x]) => x,
  paramSpecs: noParams,
  forward: (b, _config, [x]) => ({ output: b.softmax(x) }),
  backward: (b, { output, dy }) => ({ dInputs: [b.softmaxBackward(output, dy)], dParams: {} }),
  formula: () => ({
    forward: 's_j = \\frac{e^{x_j - \\max_k x_k}}{\\sum_k e^{x_k - \\max_k x_k}}',
    backward: '\\frac{\\partial E}{\\partial x_j} = s_j \\left(\\delta_j - \\sum_k \\delta_k s_k\\right)',
  }),
  describe: () => '',
};
