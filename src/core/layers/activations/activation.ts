import { z } from 'zod';
import type { UnaryOp } from '../../backend/backend';
import { type Formula, type NodeKind, noParams } from '../kind';

export const noConfig = z.object({}).strict();
export type NoConfig = z.infer<typeof noConfig>;

interface ActivationSpec<C> {
  op: UnaryOp;
  label: string;
  summary: string;
  configSchema: z.ZodType<C>;
  defaultConfig: C;
  alpha: (config: C) => number;
  formula: (config: C) => Formula;
  describe?: (config: C) => string;
}

/**
 * An element-wise activation: out = f(net), and on the way back dE/dnet = dE/dout * f'(net).
 * The local derivative f'(net) is returned so the chain rule can be shown factor by factor.
 */
export function activationKind<C>(spec: ActivationSpec<C>): NodeKind<C> {
  return {
    type: spec.op,
    category: 'activation',
    label: spec.label,
    summary: spec.summary,
    configSchema: spec.configSchema,
    defaultConfig: spec.defaultConfig,
    arity: { min: 1, max: 1 },
    outputShape: (_config, [x]) => x,
    paramSpecs: noParams,
    forward: (b, config, [x]) => ({ output: b.unary(spec.op, x, spec.alpha(config)) }),
    backward(b, { config, inputs: [x], output, dy }) {
      const local = b.unaryDerivative(spec.op, x, output, spec.alpha(config));
      return { dInputs: [b.mul(dy, local)], dParams: {}, local };
    },
    formula: spec.formula,
    describe: spec.describe ?? (() => ''),
  };
}

export function chainRule(derivative: string): string {
  return `\\frac{\\partial E}{\\partial x} = \\delta \\odot ${derivative}`;
}
