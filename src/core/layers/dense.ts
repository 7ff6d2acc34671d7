import { z } from 'zod';
import type { ChannelView } from '../backend/backend';
import type { Shape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { checkInputRank } from './input';
import type { NodeKind, ParamSpec, Params } from './kind';
import { type WeightNormed, weightNormBackward, weightNormFormula, weightNormForward } from './weight-norm';

export const denseConfig = z
  .object({
    units: z.int().min(1).describe('Number of output units.'),
    bias: z.boolean().default(true).describe('Add a bias b to every unit.'),
    weightNorm: z
      .boolean()
      .default(false)
      .describe('Weight normalisation: learn g [units] and v [inputs, units] with W = g * v / ||v|| per unit.'),
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
  defaultConfig: { units: 2, bias: true, weightNorm: false },
  arity: { min: 1, max: 1 },
  outputShape(config, [x]) {
    checkInputRank('Dense', x, 2, '[batch, features] (add a Flatten before it)');
    return [x[0], config.units];
  },
  paramSpecs(config, [x]) {
    const weight: Shape = [x[1], config.units];
    const specs: Record<string, ParamSpec> = config.weightNorm
      ? { g: { shape: [config.units], init: 'ones' }, v: { shape: weight, init: 'glorot_uniform' } }
      : { W: { shape: weight, init: 'glorot_uniform' } };
    if (config.bias) specs.b = { shape: [config.units], init: 'zeros' };
    return specs;
  },
  forward(b, config, [x], params) {
    const normed = config.weightNorm ? weightNormForward(b, params.v, params.g, unitView(params.v)) : undefined;
    const xw = b.matmul(x, normed?.weight ?? params.W);
    return { output: config.bias ? b.addRowVector(xw, params.b) : xw, cache: normed };
  },
  backward(b, { config, inputs: [x], params, dy, cache }) {
    const dW = b.matmul(x, dy, true, false);
    const dParams: Params = {};
    let weight = params.W;
    if (config.weightNorm) {
      const normed =
        (cache as WeightNormed | undefined) ?? weightNormForward(b, params.v, params.g, unitView(params.v));
      const { dv, dg } = weightNormBackward(b, normed, params.g, dW, unitView(params.v));
      dParams.v = dv;
      dParams.g = dg;
      weight = normed.weight;
    } else {
      dParams.W = dW;
    }
    if (config.bias) dParams.b = b.sumColumns(dy);
    return { dInputs: [b.matmul(dy, weight, false, true)], dParams };
  },
  formula: (config) => {
    const norm = config.weightNorm;
    return {
      forward:
        (config.bias ? 'y_j = \\sum_i x_i W_{ij} + b_j' : 'y_j = \\sum_i x_i W_{ij}') +
        (norm ? `,\\quad ${weightNormFormula.forward}` : ''),
      backward:
        '\\frac{\\partial E}{\\partial W_{ij}} = \\sum_n x_{ni}\\,\\delta_{nj},\\quad ' +
        (config.bias ? '\\frac{\\partial E}{\\partial b_j} = \\sum_n \\delta_{nj},\\quad ' : '') +
        '\\frac{\\partial E}{\\partial x_{ni}} = \\sum_j \\delta_{nj} W_{ij}' +
        (norm ? `,\\quad ${weightNormFormula.backward}` : ''),
    };
  },
  describe: (config) =>
    `${config.units} unit${config.units === 1 ? '' : 's'}${config.weightNorm ? ', weight norm' : ''}`,
};

/** v [inputs, units]: each unit's incoming weights are one column. */
function unitView(v: Tensor): ChannelView {
  return { outer: v.shape[0], channels: v.shape[1], inner: 1 };
}
