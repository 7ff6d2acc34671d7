import type { PlanNode } from '../graph/compile';
import type { Executor } from '../graph/executor';
import type { Tensor } from '../tensor/tensor';
import { type Histogram, type HistogramOptions, histogram, type ValueStats, valueStats } from './histogram';
import {
  type ChannelMap,
  channelMaps,
  DEFAULT_SATURATION_THRESHOLD,
  type DeadUnits,
  deadUnits,
  isSaturating,
  type Saturation,
  saturation,
} from './unit-health';

export interface ActivationStatsOptions extends HistogramOptions {
  /** Slope |f'(net)| below which a sigmoid or tanh value counts as saturated; 0.01 by default. */
  saturationThreshold?: number;
  /** Which sample of the batch the per-channel maps show; the first by default. */
  mapSample?: number;
  /** Leave out the per-channel maps (they are large for big conv layers). */
  withoutMaps?: boolean;
}

/** What one node's output looked like over the batch of the last pass. */
export interface ActivationStats extends ValueStats {
  nodeId: string;
  type: string;
  shape: number[];
  histogram: Histogram;
  /** Sigmoid and tanh: the values whose input sits where the slope is nearly flat. */
  saturation?: Saturation;
  /** ReLU: the units that output 0 for every sample. */
  dead?: DeadUnits;
  /** Outputs [N, C, H, W]: one map per channel of one sample. */
  maps?: ChannelMap[];
}

/** Statistics of one node's output; the node's input is read for saturation. */
export function nodeActivationStats(
  node: PlanNode,
  output: Tensor,
  input: Tensor | undefined,
  options: ActivationStatsOptions = {},
): ActivationStats {
  const type = node.kind.type;
  const stats: ActivationStats = {
    nodeId: node.id,
    type,
    shape: [...output.shape],
    ...valueStats(output.data),
    histogram: histogram(output.data, options),
  };
  if (isSaturating(type) && input)
    stats.saturation = saturation(type, input, options.saturationThreshold ?? DEFAULT_SATURATION_THRESHOLD);
  if (type === 'relu') stats.dead = deadUnits(output);
  if (output.shape.length === 4 && !options.withoutMaps) stats.maps = channelMaps(output, options.mapSample ?? 0);
  return stats;
}

/**
 * Statistics of every node's output after a forward pass, in plan order. Loss nodes are left
 * out (a loss is one number); so are nodes the pass has not reached yet.
 */
export function activationStats(ex: Executor, options: ActivationStatsOptions = {}): ActivationStats[] {
  const out: ActivationStats[] = [];
  for (const node of ex.plan.nodes) {
    if (node.kind.category === 'loss') continue;
    const output = ex.outputs.get(node.id);
    if (!output) continue;
    const input = node.inputs.length ? ex.outputs.get(node.inputs[0]) : undefined;
    out.push(nodeActivationStats(node, output, input, options));
  }
  return out;
}
