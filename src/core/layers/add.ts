import { z } from 'zod';
import { formatShape, sameShape } from '../tensor/shape';
import { type NodeKind, ShapeError } from './kind';

export const addConfig = z.object({}).strict();
export type AddConfig = z.infer<typeof addConfig>;

/** Most inputs a merge node takes; the graph editor draws one handle per input. */
export const MAX_MERGE_INPUTS = 16;

/** y = x1 + x2 + ...: a residual connection adds a block's input to its output. */
export const addKind: NodeKind<AddConfig> = {
  type: 'add',
  category: 'layer',
  label: 'Add',
  summary: 'Adds its inputs element-wise (a residual or skip connection); the gradient flows to every input unchanged.',
  configSchema: addConfig,
  defaultConfig: {},
  arity: { min: 2, max: MAX_MERGE_INPUTS },
  outputShape(_config, inputs) {
    const [first] = inputs;
    inputs.forEach((shape, i) => {
      if (!sameShape(shape, first)) {
        throw new ShapeError(
          `Add needs inputs of one shape, but input 1 is ${formatShape(first)} ` +
            `and input ${i + 1} is ${formatShape(shape)}`,
        );
      }
    });
    return first;
  },
  paramSpecs: () => ({}),
  forward: (b, _config, inputs) => ({ output: inputs.slice(1).reduce((sum, x) => b.add(sum, x), inputs[0]) }),
  backward: (_b, { inputs, dy }) => ({ dInputs: inputs.map(() => dy), dParams: {} }),
  formula: () => ({
    forward: 'y = \\sum_k x^{(k)}',
    backward: '\\frac{\\partial E}{\\partial x^{(k)}} = \\delta \\text{ for every input } k',
  }),
  describe: () => '',
};
