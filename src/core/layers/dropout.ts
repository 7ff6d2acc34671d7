import { z } from 'zod';
import { Tensor } from '../tensor/tensor';
import { Rng } from '../train/rng';
import type { NodeKind, PassContext } from './kind';
import { latexNumber } from './normalization';

export const dropoutConfig = z
  .object({
    rate: z
      .number()
      .min(0)
      .lt(1)
      .default(0.5)
      .describe('Probability of dropping each value in training; kept values are scaled by 1 / (1 - rate).'),
  })
  .strict();
export type DropoutConfig = z.infer<typeof dropoutConfig>;

/** FNV-1a of the node id mixed into the pass seed, so that two dropout nodes draw different masks. */
function maskSeed(ctx: PassContext): number {
  let hash = 0x811c9dc5;
  for (const ch of ctx.nodeId ?? '') hash = Math.imul(hash ^ (ch.codePointAt(0) ?? 0), 0x01000193);
  return Math.imul(hash ^ (ctx.seed ?? 0), 0x9e3779b1) >>> 0;
}

/** 0 for a dropped value, 1 / keep for a kept one: the same draw for the same seed and node. */
function dropoutMask(x: Tensor, rate: number, ctx: PassContext): Tensor {
  const keep = 1 - rate;
  const rng = new Rng(maskSeed(ctx));
  const mask = Tensor.zeros(x.shape, x.dtype);
  for (let i = 0; i < mask.size; i++) mask.data[i] = rng.next() < keep ? 1 / keep : 0;
  return mask;
}

/**
 * Inverted dropout: in training each value is kept with probability p = 1 - rate and scaled by
 * 1 / p, so evaluation, which passes x through unchanged, sees the same expected value.
 */
export const dropoutKind: NodeKind<DropoutConfig> = {
  type: 'dropout',
  category: 'layer',
  label: 'Dropout',
  summary:
    'Training: zeroes each value with probability rate and scales the rest by 1 / (1 - rate); evaluation: y = x.',
  configSchema: dropoutConfig,
  defaultConfig: { rate: 0.5 },
  arity: { min: 1, max: 1 },
  outputShape: (_config, [x]) => x,
  paramSpecs: () => ({}),
  forward(b, config, [x], _params, ctx) {
    if (!ctx.training || config.rate === 0) return { output: x };
    const mask = dropoutMask(x, config.rate, ctx);
    return { output: b.mul(x, mask), cache: mask };
  },
  backward(b, { config, inputs: [x], dy, cache, ctx }) {
    if (!ctx.training || config.rate === 0) {
      return { dInputs: [dy], dParams: {}, local: Tensor.filled(x.shape, 1, x.dtype) };
    }
    const mask = (cache as Tensor | undefined) ?? dropoutMask(x, config.rate, ctx);
    return { dInputs: [b.mul(dy, mask)], dParams: {}, local: mask };
  },
  formula: (config) => {
    const keep = latexNumber(1 - config.rate);
    const cases = (training: string, evaluation: string) =>
      `\\begin{cases} ${training} & \\text{training} \\\\ ${evaluation} & \\text{evaluation} \\end{cases}`;
    return {
      forward: `y = ${cases(`\\frac{m \\odot x}{${keep}},\\ m_i \\sim \\text{Bernoulli}(${keep})`, 'x')}`,
      backward: `\\frac{\\partial E}{\\partial x} = ${cases(`\\frac{m \\odot \\delta}{${keep}}`, '\\delta')}`,
    };
  },
  describe: (config) => `rate ${config.rate}`,
};
