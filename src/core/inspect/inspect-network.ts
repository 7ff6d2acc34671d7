import type { Executor } from '../graph/executor';
import type { Network } from '../graph/network';
import type { PassContext } from '../layers/kind';
import type { Tensor } from '../tensor/tensor';
import { type ActivationStats, type ActivationStatsOptions, activationStats } from './activation-stats';
import { type GradientFlowEntry, type GradientFlowOptions, gradientFlow } from './gradient-flow';
import { gradientStats, type LayerGradients, runInspectedPass } from './gradient-stats';

export interface InspectOptions extends ActivationStatsOptions, GradientFlowOptions {}

/** Everything the inspectors show about one forward and backward pass. */
export interface NetworkInspection {
  loss: number | undefined;
  /** Every node's output statistics, in plan order (losses left out). */
  activations: ActivationStats[];
  /** Gradient sizes per layer, nearest the loss first. */
  gradients: LayerGradients[];
  /** The same layers with their vanishing or exploding flags. */
  flow: GradientFlowEntry[];
}

/** Runs one pass on the executor and reads every statistic of it (everything downloaded once from a GPU). */
export async function inspectExecutor(ex: Executor, options: InspectOptions = {}): Promise<NetworkInspection> {
  const inputGrads = runInspectedPass(ex);
  const params = [...ex.params.values()].flatMap((p) => Object.values(p));
  const dInputs = [...inputGrads.values()].flat().filter((t): t is Tensor => t !== undefined);
  await ex.backend.download([...ex.heldTensors(), ...dInputs, ...params]);
  const activations = activationStats(ex, options);
  const gradients = gradientStats(ex, inputGrads);
  return { loss: ex.loss, activations, gradients, flow: gradientFlow(ex.plan, gradients, activations, options) };
}

/** One forward and backward pass of the network on the context's data, inspected. */
export function inspectNetwork(
  net: Network,
  ctx: PassContext,
  options: InspectOptions = {},
): Promise<NetworkInspection> {
  return inspectExecutor(net.executor(ctx), options);
}
