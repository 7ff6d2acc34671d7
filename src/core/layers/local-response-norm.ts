import { z } from 'zod';
import type { LrnOptions } from '../backend/backend';
import type { NodeKind } from './kind';
import { channelViewOf, checkHasChannels, latexNumber } from './normalization';

export const localResponseNormConfig = z
  .object({
    size: z
      .int()
      .min(1)
      .default(5)
      .describe('n: channels in the window, c - n/2 to c + n/2 (n/2 rounded down; TensorFlow depth_radius = n/2).'),
    k: z.number().default(2).describe('k: the constant added to the window sum (TensorFlow bias).'),
    alpha: z
      .number()
      .min(0)
      .default(1e-4)
      .describe('alpha: scale of the window sum (not divided by n, as in TensorFlow).'),
    beta: z.number().default(0.75).describe('beta: the power of the denominator.'),
  })
  .strict();
export type LocalResponseNormConfig = z.infer<typeof localResponseNormConfig>;

function lrnOptions(config: LocalResponseNormConfig): LrnOptions {
  return { radius: Math.floor(config.size / 2), bias: config.k, alpha: config.alpha, beta: config.beta };
}

/**
 * Local response normalisation across channels (Krizhevsky et al., AlexNet), TensorFlow's
 * definition: b_c = a_c / (k + alpha * sum_{j=max(0,c-n/2)}^{min(C-1,c+n/2)} a_j^2)^beta.
 * PyTorch's LocalResponseNorm divides alpha by n; this one does not.
 */
export const localResponseNormKind: NodeKind<LocalResponseNormConfig> = {
  type: 'local_response_norm',
  category: 'layer',
  label: 'Local response norm',
  summary: 'Divides each value by a power of the sum of squares of its neighbouring channels (AlexNet).',
  configSchema: localResponseNormConfig,
  defaultConfig: { size: 5, k: 2, alpha: 1e-4, beta: 0.75 },
  arity: { min: 1, max: 1 },
  outputShape(_config, [x]) {
    checkHasChannels('Local response norm', x);
    return x;
  },
  paramSpecs: () => ({}),
  forward: (b, config, [x]) => ({ output: b.localResponseNorm(x, lrnOptions(config), channelViewOf(x.shape)) }),
  backward: (b, { config, inputs: [x], dy }) => ({
    dInputs: [b.localResponseNormBackward(x, dy, lrnOptions(config), channelViewOf(x.shape))],
    dParams: {},
  }),
  formula: (config) => {
    const r = Math.floor(config.size / 2);
    const k = latexNumber(config.k);
    const alpha = latexNumber(config.alpha);
    const beta = latexNumber(config.beta);
    const window = `\\sum_{j=\\max(0,c-${r})}^{\\min(C-1,c+${r})}`;
    return {
      forward: `b_c = \\frac{a_c}{D_c^{${beta}}},\\quad D_c = ${k} + ${alpha} ${window} a_j^2`,
      backward:
        `\\frac{\\partial E}{\\partial a_j} = \\delta_j D_j^{-${beta}} - 2 \\cdot ${alpha} \\cdot ${beta}\\, a_j ` +
        `\\sum_{c=\\max(0,j-${r})}^{\\min(C-1,j+${r})} \\delta_c\\, a_c\\, D_c^{-${beta}-1}`,
    };
  },
  describe: (config) => `n = ${config.size}`,
};
