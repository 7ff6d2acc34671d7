import { z } from 'zod';
import { checkInputRank } from './input';
import type { NodeKind } from './kind';

export const denseConfig = z
  .object({
    units: z.int().min(1).describe('Number of output units.'),
    bias: z.boolean().default(true).describe('Add a bias b to every unit.'),
  })
  .strict();
export type DenseConfig = z.infer<typeof denseConfig>;

/** y = xW + b with W [inputs, units], b [units], as ONNX Gemm and PyTorch lay them out (W transposed for Linear). */
export const denseKind: NodeKind<DenseConfig> = {
  type: 'dense',
  category: 'layer',
  label: 'Dense',
  summary: 'Fully connected layer: every unit sees every input, y = xW + b.',
  configSchema: denseConfig,
  defaultConfig: { units: 2, bias: true },
  arity: { min: 1, max: 1 },
  outputShape(config, [x]) {
    checkInputRank('Dense', x, 2, '[batch, features] (add a Flatten before it)');
    return [x[0], config.units];
  },
  paramSpecs(config, [x]) {
    const specs: Record<string, { shape: number[]; init: 'glorot_uniform' | 'zeros' }> = {
      W: { shape: [x[1], config.units], init: 'glorot_uniform' },
    };
    if (config.bias) specs.b = { shape: [config.units], init: 'zeros' };
    return specs;
  },
  forward(b, config, [x], params) {
    const xw = b.matmul(x, params.W);
    return { output: config.bias ? b.addRowVector(xw, params.b) : xw };
  },
  backward(b, { config, inputs: [x], params, dy }) {
    const dParams: Record<string, ReturnType<typeof b.matmul>> = { W: b.matmul(x, dy, true, false) };
    if (config.bias) dParams.b = b.sumColumns(dy);
    return { dInputs: [b.matmul(dy, params.W, false, true)], dParams };
  },
  formula: (config) => ({
    forward: config.bias ? 'y_j = \\sum_i x_i W_{ij} + b_j' : 'y_j = \\sum_i x_i W_{ij}',
    backward:
      '\\frac{\\partial E}{\\partial W_{ij}} = \\sum_n x_{ni}\\,\\delta_{nj},\\quad ' +
      (config.bias ? '\\frac{\\partial E}{\\partial b_j} = \\sum_n \\delta_{nj},\\quad ' : '') +
      '\\frac{\\partial E}{\\partial x_{ni}} = \\sum_j \\delta_{nj} W_{ij}',
  }),
  describe: (config) => `${config.units} unit${config.units === 1 ? '' : 's'}`,
};
