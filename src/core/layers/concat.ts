import { z } from 'zod';
import { formatShape } from '../tensor/shape';
import { MAX_MERGE_INPUTS } from './add';
import { type NodeKind, ShapeError } from './kind';

export const concatConfig = z.object({}).strict();
export type ConcatConfig = z.infer<typeof concatConfig>;

const CHANNEL_AXIS = 1;

/** Joins its inputs along the channel axis 1 (features of [N, F], channels of [N, C, H, W]). */
export const concatKind: NodeKind<ConcatConfig> = {
  type: 'concat',
  category: 'layer',
  label: 'Concat',
  summary: 'Joins its inputs along the channel axis (features for [batch, features]); other axes must match.',
  configSchema: concatConfig,
  defaultConfig: {},
  arity: { min: 2, max: MAX_MERGE_INPUTS },
  outputShape(_config, inputs) {
    const [first] = inputs;
    inputs.forEach((shape, i) => {
      if (shape.length < 2) {
        throw new ShapeError(`Concat joins along axis 1, but input ${i + 1} is ${formatShape(shape)}, of rank 1`);
      }
      const axis = shape.findIndex((d, a) => a !== CHANNEL_AXIS && d !== first[a]);
      if (shape.length !== first.length || axis >= 0) {
        const where = shape.length !== first.length ? 'ranks differ' : `axis ${axis}: ${first[axis]} vs ${shape[axis]}`;
        throw new ShapeError(
          `Concat joins along axis 1, so every other axis must match, but input 1 is ${formatShape(first)} ` +
            `and input ${i + 1} is ${formatShape(shape)} (${where})`,
        );
      }
    });
    const out = [...first];
    out[CHANNEL_AXIS] = inputs.reduce((n, shape) => n + shape[CHANNEL_AXIS], 0);
    return out;
  },
  paramSpecs: () => ({}),
  forward: (b, _config, inputs) => ({ output: b.concat(inputs, CHANNEL_AXIS) }),
  backward: (b, { inputs, dy }) => ({
    dInputs: b.split(
      dy,
      inputs.map((x) => x.shape[CHANNEL_AXIS]),
      CHANNEL_AXIS,
    ),
    dParams: {},
  }),
  formula: () => ({
    forward: 'y = [x^{(1)}, x^{(2)}, \\dots] \\text{ along axis 1}',
    backward: '\\frac{\\partial E}{\\partial x^{(k)}} = \\delta \\text{ restricted to the channels of } x^{(k)}',
  }),
  describe: () => 'axis 1',
};
