import { type Executor, NodeRunError } from '../graph/executor';
import type { Network } from '../graph/network';
import type { PassContext } from '../layers/kind';
import type { Tensor } from '../tensor/tensor';
import type { Optimizer } from './optimizer';

export interface TrainResult {
  /** The loss at each step, computed with the weights before that step's update. */
  losses: number[];
}

/** Thrown when the loss stops being a finite number; the weights are those before the failing step. */
export class NonFiniteLossError extends Error {
  override name = 'NonFiniteLossError';
  constructor(
    readonly step: number,
    readonly nodeId: string | undefined,
  ) {
    super(
      `loss became non-finite at step ${step}${nodeId ? `; node '${nodeId}' produced the first non-finite value` : ''}`,
    );
  }
}

/** Runs full passes on one batch and applies the optimizer after each. */
export async function trainOnBatch(
  net: Network,
  ctx: PassContext,
  optimizer: Optimizer,
  steps: number,
): Promise<TrainResult> {
  const losses: number[] = [];
  const ex = net.executor(ctx);
  for (let step = 0; step < steps; step++) {
    const loss = await ex.runPassAndReadLoss();
    if (loss === undefined)
      throw new NodeRunError(net.plan.nodes[0]?.id ?? '?', 'the model has no loss node to train on');
    if (!Number.isFinite(loss)) {
      await net.backend.download(ex.heldTensors());
      const first = net.plan.nodes.find((n) => ex.outputs.get(n.id)?.data.some((v) => !Number.isFinite(v)));
      throw new NonFiniteLossError(step, first?.id);
    }
    losses.push(loss);
    // A host-side optimizer reads the gradients; one on the device does not need them here.
    if (!net.backend.applyUpdates) {
      await net.backend.download([...ex.paramGrads.values()].flatMap((grads) => Object.values(grads)));
    }
    optimizer.step(net.backend, net.params, ex.paramGrads, (id, name) => isTrainable(net, id, name));
    applyOwnUpdates(net, ex);
  }
  return { losses };
}

/** Whether the optimizer may apply a parameter's gradient: not when it is marked trainable: false. */
function isTrainable(net: Network, nodeId: string, paramName: string): boolean {
  return net.plan.byId.get(nodeId)?.paramSpecs[paramName]?.trainable !== false;
}

/** Nodes with their own update rule (center loss centres) apply it from this step's pass. */
export function applyOwnUpdates(net: Network, ex: Executor): void {
  for (const node of net.plan.nodes) {
    if (!node.kind.afterOptimizerStep) continue;
    const inputs = node.inputs.map((id) => ex.outputs.get(id)).filter((t): t is Tensor => t !== undefined);
    const params = net.params.get(node.id) ?? {};
    node.kind.afterOptimizerStep(net.backend, { config: node.config, inputs, params, ctx: ex.ctx });
  }
}
