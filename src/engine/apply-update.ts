import { applyOwnUpdates, type Executor, type Network, sgd } from '../core';
import { trainableFilter } from '../core/train/trainable';
import type { ApplyUpdateResult, ParamChange, TensorValues } from '../protocol/results';
import { RequestError } from './errors';

/**
 * One SGD step with the gradients the stepped pass left behind, so the user sees exactly the
 * update the chain rule they just walked through produces. The pass then starts again: its
 * values belong to the old weights.
 */
export async function applyUpdate(
  network: Network,
  stepper: Executor,
  learningRate: number,
): Promise<ApplyUpdateResult> {
  if (stepper.phase !== 'done') {
    throw new RequestError({
      code: 'run-error',
      message: 'step the backward pass back to the input first: the update needs every gradient',
    });
  }
  const paramGrads = [...stepper.paramGrads.values()].flatMap((grads) => Object.values(grads));
  await network.backend.download([...network.paramTensors(), ...paramGrads]);
  const before = new Map<string, Record<string, TensorValues>>();
  for (const [nodeId, params] of network.params) {
    before.set(nodeId, Object.fromEntries(Object.entries(params).map(([name, t]) => [name, t.toNested()])));
  }
  const trainable = trainableFilter(network);
  sgd(learningRate).step(network.backend, network.params, stepper.paramGrads, trainable);
  applyOwnUpdates(network, stepper);
  await network.backend.download(network.paramTensors());

  const changes: ParamChange[] = [];
  for (const node of network.plan.nodes) {
    const grads = stepper.paramGrads.get(node.id) ?? {};
    for (const [name, tensor] of Object.entries(network.params.get(node.id) ?? {})) {
      const old = before.get(node.id)?.[name];
      if (old === undefined) continue;
      const now = tensor.toNested();
      const stepped = grads[name] !== undefined && trainable(node.id, name);
      if (!stepped && JSON.stringify(old) === JSON.stringify(now)) continue;
      const change: ParamChange = { nodeId: node.id, param: name, old, new: now };
      if (stepped) change.grad = grads[name].toNested();
      changes.push(change);
    }
  }
  stepper.reset();
  return { learningRate, changes, model: network.toModel(), dtype: network.dtype };
}
