import { z } from 'zod';
import { formatShape, type Shape, sizeOf } from '../tensor/shape';
import { type NodeKind, noParams, ShapeError } from './kind';

export const reshapeConfig = z
  .object({
    shape: z
      .array(z.union([z.int().min(1), z.literal(-1)]))
      .min(1)
      .describe('The new shape of one sample, without the batch axis; one entry may be -1 to take what is left.'),
  })
  .strict();
export type ReshapeConfig = z.infer<typeof reshapeConfig>;

/** The per-sample target shape with its -1 resolved; throws ShapeError when the sizes cannot match. */
export function resolveReshape(target: readonly number[], sample: Shape): number[] {
  const values = sizeOf(sample);
  const free = target.filter((d) => d === -1).length;
  if (free > 1) throw new ShapeError(`Reshape: only one entry of ${formatShape(target)} may be -1`);
  const known = sizeOf(target.filter((d) => d !== -1));
  if (free === 1) {
    if (values % known !== 0) {
      throw new ShapeError(
        `Reshape: a sample of shape ${formatShape(sample)} has ${values} values, which do not fill ${formatShape(target)}: ${values} / ${known} is not a whole number`,
      );
    }
    return target.map((d) => (d === -1 ? values / known : d));
  }
  if (known !== values) {
    throw new ShapeError(
      `Reshape: a sample of shape ${formatShape(sample)} has ${values} values but ${formatShape(target)} holds ${known}`,
    );
  }
  return [...target];
}

/** Gives each sample a new shape with the same values in the same row-major order. */
export const reshapeKind: NodeKind<ReshapeConfig> = {
  type: 'reshape',
  category: 'layer',
  label: 'Reshape',
  summary: 'Gives each sample a new shape holding the same values in the same order.',
  configSchema: reshapeConfig,
  defaultConfig: { shape: [-1] },
  arity: { min: 1, max: 1 },
  outputShape: (config, [x]) => [x[0], ...resolveReshape(config.shape, x.slice(1))],
  paramSpecs: noParams,
  forward: (_b, config, [x]) => ({
    output: x.reshape([x.shape[0], ...resolveReshape(config.shape, x.shape.slice(1))]),
  }),
  backward: (_b, { inputs: [x], dy }) => ({ dInputs: [dy.reshape(x.shape)], dParams: {} }),
  formula: () => ({
    forward: 'y = x \\text{ (same values in row-major order, new shape)}',
    backward: '\\frac{\\partial E}{\\partial x} = \\delta \\text{ (reshaped back)}',
  }),
  describe: (config) => `→ ${formatShape(config.shape)}`,
};
