import { z } from 'zod';
import { activationKind, chainRule } from './activation';

export const leakyReluConfig = z
  .object({
    alpha: z.number().min(0).default(0.01).describe('Slope for x <= 0.'),
  })
  .strict();
export type LeakyReluConfig = z.infer<typeof leakyReluConfig>;

export const leakyReluKind = activationKind<LeakyReluConfig>({
  op: 'leaky_relu',
  label: 'Leaky ReLU',
  summary: 'x for x > 0, alpha x otherwise: a small slope keeps units from dying.',
  configSchema: leakyReluConfig,
  defaultConfig: { alpha: 0.01 },
  alpha: (config) => config.alpha,
  formula: (config) => ({
    forward: `y = \\begin{cases} x & x > 0 \\\\ ${config.alpha}\\,x & x \\le 0 \\end{cases}`,
    backward: chainRule(`\\begin{cases} 1 & x > 0 \\\\ ${config.alpha} & x \\le 0 \\end{cases}`),
  }),
  describe: (config) => `alpha ${config.alpha}`,
});
