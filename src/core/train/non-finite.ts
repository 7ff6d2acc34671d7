import type { Executor } from '../graph/executor';
import type { Params } from '../layers/kind';
import type { Tensor } from '../tensor/tensor';
import type { ParamFilter } from './optimizer';
import { NonFiniteLossError } from './trainer';

export function allFinite(t: Tensor): boolean {
  const data = t.data;
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return false;
  return true;
}

/** The stage a non-finite value first showed in: the forward pass, the gradients, or the updated weights. */
export type NonFiniteStage = 'forward' | 'backward' | 'update';

/** A non-finite value stopped training; the weights are those before the failing step. */
export class NonFiniteTrainingError extends NonFiniteLossError {
  override name = 'NonFiniteTrainingError';
  constructor(
    step: number,
    nodeId: string | undefined,
    readonly stage: NonFiniteStage,
  ) {
    super(step, nodeId);
    const at = nodeId ? `node '${nodeId}'` : 'an unknown node';
    const what = {
      forward: `the loss became non-finite; ${at} produced the first non-finite value`,
      backward: `a gradient became non-finite; ${at} produced the first non-finite gradient`,
      update: `the update made a weight of ${at} non-finite`,
    }[stage];
    this.message = `step ${step}: ${what}. Training stopped with the weights from before this step.`;
  }
}

/** The first node, in plan order, whose output holds a non-finite value. */
export function firstNonFiniteOutput(ex: Executor): string | undefined {
  return ex.plan.nodes.find((n) => {
    const out = ex.outputs.get(n.id);
    return out !== undefined && !allFinite(out);
  })?.id;
}

/** The first node in backward order (from the loss back) whose applied parameter gradients hold a non-finite value. */
export function firstNonFiniteGradient(ex: Executor, trainable: ParamFilter): string | undefined {
  for (let i = ex.plan.nodes.length - 1; i >= 0; i--) {
    const id = ex.plan.nodes[i].id;
    const grads = ex.paramGrads.get(id) ?? {};
    if (Object.entries(grads).some(([name, g]) => trainable(id, name) && !allFinite(g))) return id;
  }
  return undefined;
}

/** The first node, in plan order, with a non-finite parameter. */
export function firstNonFiniteParam(ex: Executor, params: Map<string, Params>): string | undefined {
  return ex.plan.nodes.find((n) => Object.values(params.get(n.id) ?? {}).some((t) => !allFinite(t)))?.id;
}
