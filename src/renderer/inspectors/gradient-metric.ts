import type { Magnitude } from '../../core/inspect/histogram';
import type { LayerSnapshot } from '../../protocol/inspect-messages';

/** How a gradient's size is measured: its L2 norm, or the mean of its absolute values. */
export type GradientMetric = 'norm' | 'meanAbs';

export const metricLabels: Record<GradientMetric, { short: string; weights: string; input: string }> = {
  norm: { short: 'L2 norm', weights: '‖∂L/∂W‖₂', input: '‖∂L/∂input‖₂' },
  meanAbs: { short: 'mean |·|', weights: 'mean |∂L/∂W|', input: 'mean |∂L/∂input|' },
};

export function magnitudeOf(m: Magnitude, metric: GradientMetric): number {
  return metric === 'norm' ? m.norm : m.meanAbs;
}

export function snapshotWeights(s: LayerSnapshot, metric: GradientMetric): number {
  return metric === 'norm' ? s.weightNorm : s.weightMeanAbs;
}
