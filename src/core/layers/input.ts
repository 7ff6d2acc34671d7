import { z } from 'zod';
import { formatShape, sameShape } from '../tensor/shape';
import { type NodeKind, noParams, RunError, ShapeError } from './kind';

export const inputConfig = z
  .object({
    shape: z.array(z.int().min(1)).min(1).describe('The shape of one sample, without the batch axis.'),
  })
  .strict();
export type InputConfig = z.infer<typeof inputConfig>;

export const inputKind: NodeKind<InputConfig> = {
  type: 'input',
  category: 'input',
  label: 'Input',
  summary: 'Feeds one batch of samples into the network.',
  configSchema: inputConfig,
  defaultConfig: { shape: [2] },
  arity: { min: 0, max: 0 },
  outputShape: (config, _inputs, ctx) => [ctx.batch, ...config.shape],
  paramSpecs: noParams,
  forward(_b, config, _inputs, _params, ctx) {
    if (!ctx.input) throw new RunError('no input data: give the model a sample or pass --input');
    const expected = ctx.input.shape.slice(1);
    if (!sameShape(expected, config.shape)) {
      throw new RunError(
        `input data has samples of shape ${formatShape(expected)} but the input node expects ${formatShape(config.shape)}`,
      );
    }
    return { output: ctx.input };
  },
  backward: () => ({ dInputs: [], dParams: {} }),
  formula: () => ({ forward: 'a^{(0)} = x', backward: '\\frac{\\partial E}{\\partial x} = \\delta' }),
  describe: (config) => `sample ${formatShape(config.shape)}`,
};

export function checkInputRank(label: string, shape: readonly number[], rank: number, hint: string): void {
  if (shape.length !== rank) {
    throw new ShapeError(`${label} expects a rank-${rank} input ${hint}, got ${formatShape(shape)}`);
  }
}
