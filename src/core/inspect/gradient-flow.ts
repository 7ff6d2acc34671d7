import type { Plan } from '../graph/compile';
import type { ActivationStats } from './activation-stats';
import { explainExploding, explainNonFinite, explainVanishing, type PathFacts } from './flow-explanations';
import type { LayerGradients } from './gradient-stats';
import { type FlowCause, type Remedy, remediesFor } from './remedies';
import { isSaturating, maxSlope } from './unit-health';

export interface GradientFlowOptions {
  /** A layer vanishes when its weight-gradient norm is below this fraction of the last layer's; 1e-3 by default. */
  vanishingRatio?: number;
  /** The gradient explodes when it grows by at least this factor per layer going back; 10 by default. */
  explodingFactor?: number;
}

export const gradientFlowDefaults = { vanishingRatio: 1e-3, explodingFactor: 10 };

export interface GradientFlag {
  kind: 'vanishing' | 'exploding';
  causes: FlowCause[];
  /** Plain words with the numbers: what was measured, what it means, what the path does to it. */
  explanation: string;
  remedies: Remedy[];
}

/** One layer's place in the gradient's journey back, and its flag if it has one. */
export interface GradientFlowEntry {
  nodeId: string;
  type: string;
  /** Layers between it and the loss: 0 for the last layer. */
  distance: number;
  lastLayerId: string;
  weightGradNorm: number;
  /** weightGradNorm over the last layer's; 1 for the last layer itself; NaN when both are 0. */
  ratioToLast: number;
  /**
   * How much the gradient passed back grew per layer on average, from what the last layer passes
   * back to what this layer passes back (root mean square, so that layer widths do not count); 1 for the last layer.
   */
  growthPerLayer: number;
  flag?: GradientFlag;
}

/**
 * Flags layers whose gradient vanished (a tiny fraction of the last layer's) or exploded (grew
 * by a large factor per layer going back, or stopped being finite), nearest the loss first.
 * Activation statistics of the same pass, when given, let the explanation say how many units
 * were saturated or dead on the way.
 */
export function gradientFlow(
  plan: Plan,
  layers: readonly LayerGradients[],
  activations: readonly ActivationStats[] = [],
  options: GradientFlowOptions = {},
): GradientFlowEntry[] {
  const o = {
    vanishingRatio: options.vanishingRatio ?? gradientFlowDefaults.vanishingRatio,
    explodingFactor: options.explodingFactor ?? gradientFlowDefaults.explodingFactor,
  };
  const byId = new Map(layers.map((l) => [l.nodeId, l]));
  const statsById = new Map(activations.map((a) => [a.nodeId, a]));
  return layers.map((layer) => {
    const last = byId.get(layer.lastLayerId) ?? layer;
    const ratioToLast = ratio(layer.weights.norm, last.weights.norm);
    const growthPerLayer = layer.distance ? ratio(layer.input.rms, last.input.rms) ** (1 / layer.distance) : 1;
    const entry: GradientFlowEntry = {
      nodeId: layer.nodeId,
      type: layer.type,
      distance: layer.distance,
      lastLayerId: last.nodeId,
      weightGradNorm: layer.weights.norm,
      ratioToLast,
      growthPerLayer,
    };
    const facts = pathFacts(plan, layer, last, statsById);
    entry.flag = flagFor(layer, entry, facts, o);
    return entry;
  });
}

function flagFor(
  layer: LayerGradients,
  entry: GradientFlowEntry,
  facts: PathFacts,
  o: typeof gradientFlowDefaults,
): GradientFlag | undefined {
  const nonFinite = layer.weights.nonFinite + layer.input.nonFinite + layer.output.nonFinite;
  if (nonFinite > 0) return flag('exploding', ['non_finite'], explainNonFinite(layer, nonFinite));
  if (layer.distance === 0) return undefined;
  const weightGrowth = entry.ratioToLast ** (1 / layer.distance);
  // A last layer with no gradient at all gives infinite growth: nothing to compare with, not an explosion.
  const explodes = (growth: number) => Number.isFinite(growth) && growth >= o.explodingFactor;
  if (explodes(entry.growthPerLayer) || explodes(weightGrowth)) {
    return flag('exploding', ['large_weights'], explainExploding(entry, weightGrowth, facts, o.explodingFactor));
  }
  if (entry.ratioToLast < o.vanishingRatio) {
    const causes = vanishingCauses(entry, facts);
    return flag('vanishing', causes, explainVanishing(entry, facts, causes, o.vanishingRatio));
  }
  return undefined;
}

/**
 * Sigmoid and tanh are blamed when they can account for a large loss: two sigmoids or more (at
 * most 0.25^2 ≈ 0.06 together), or a tenth or more of their values saturated. Otherwise, and
 * whenever nothing at all comes back, the weights between are what stops the gradient.
 */
function vanishingCauses(entry: GradientFlowEntry, facts: PathFacts): FlowCause[] {
  const causes: FlowCause[] = [];
  const sigmoids = facts.squashers.filter((s) => s.type === 'sigmoid').length;
  if (facts.squashers.length && (0.25 ** sigmoids <= 0.1 || (facts.saturatedShare ?? 0) >= 0.1))
    causes.push('saturating_activations');
  if ((facts.deadShare ?? 0) > 0) causes.push('dead_relus');
  if (!causes.length || entry.ratioToLast === 0) causes.push('small_weights');
  return causes;
}

function flag(kind: GradientFlag['kind'], causes: FlowCause[], explanation: string): GradientFlag {
  return { kind, causes, explanation, remedies: remediesFor(causes) };
}

/** a / b, with x / 0 as infinite growth; 0 / 0 stays NaN: with no gradient anywhere there is nothing to compare. */
function ratio(a: number, b: number): number {
  if (b === 0 && a !== 0) return Number.POSITIVE_INFINITY;
  return a / b;
}

/** What lies between a layer and the last layer: the activations the gradient crosses and their state. */
function pathFacts(
  plan: Plan,
  layer: LayerGradients,
  last: LayerGradients,
  stats: Map<string, ActivationStats>,
): PathFacts {
  const squashers: PathFacts['squashers'] = [];
  const saturatedShares: number[] = [];
  const deadShares: number[] = [];
  let relus = 0;
  let saturationThreshold: number | undefined;
  for (const id of layer.between) {
    const type = plan.byId.get(id)?.kind.type ?? '';
    const s = stats.get(id);
    if (isSaturating(type)) {
      squashers.push({ type, maxSlope: maxSlope[type] });
      if (s?.saturation) {
        saturatedShares.push(s.saturation.share);
        saturationThreshold = s.saturation.threshold;
      }
    }
    if (type === 'relu') {
      relus++;
      if (s?.dead) deadShares.push(s.dead.share);
    }
  }
  const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);
  return {
    layerId: layer.nodeId,
    lastLayerId: last.nodeId,
    squashers,
    relus,
    saturatedShare: mean(saturatedShares),
    saturationThreshold,
    deadShare: mean(deadShares),
  };
}
