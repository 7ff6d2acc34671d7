import type { GradientFlowEntry } from './gradient-flow';
import type { LayerGradients } from './gradient-stats';
import { type FlowCause, percent, shortNumber } from './remedies';
import type { SaturatingType } from './unit-health';

/** What lies on the way from a layer to the last layer, as far as the explanations need it. */
export interface PathFacts {
  layerId: string;
  lastLayerId: string;
  squashers: { type: SaturatingType; maxSlope: number }[];
  relus: number;
  /** Mean share of saturated values over the sigmoid and tanh nodes between, where measured. */
  saturatedShare?: number;
  saturationThreshold?: number;
  /** Mean share of dead units over the ReLU nodes between, where measured. */
  deadShare?: number;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

export function explainVanishing(
  entry: GradientFlowEntry,
  facts: PathFacts,
  causes: readonly FlowCause[],
  limit: number,
): string {
  const parts = [
    entry.ratioToLast === 0
      ? `No gradient at all reaches the weights of ${entry.nodeId}, while the last layer (${entry.lastLayerId}) gets one.`
      : `The weight gradient at ${entry.nodeId} is ${shortNumber(entry.ratioToLast)} of the last layer's (${entry.lastLayerId}), ` +
        `below the ${shortNumber(limit)} limit, so its weights barely change while the last layer learns.`,
  ];
  if (causes.includes('saturating_activations')) parts.push(saturatingSentence(facts));
  if (causes.includes('dead_relus'))
    parts.push(
      `Between them ${facts.relus === 1 ? 'lies' : 'lie'} ${plural(facts.relus, 'ReLU layer')} with ${percent(facts.deadShare ?? 0)} of their units dead on average ` +
        '(0 for every sample of the batch); a dead unit has slope 0 and passes no gradient back.',
    );
  if (causes.includes('small_weights')) parts.push(smallWeightsSentence(entry));
  return parts.join(' ');
}

function smallWeightsSentence(entry: GradientFlowEntry): string {
  if (entry.ratioToLast === 0)
    return (
      'Going back, each layer multiplies the gradient by its weights, so weights that are all zero pass nothing back; ' +
      'and units of a layer that start equal get equal gradients and stay equal.'
    );
  return (
    `Going back, the gradient shrinks by x${shortNumber(entry.growthPerLayer)} per layer on average, more than the ` +
    'activations between explain: the weights are too small to carry it (0.01-scale weights do this).'
  );
}

function saturatingSentence(facts: PathFacts): string {
  const sigmoids = facts.squashers.filter((s) => s.type === 'sigmoid').length;
  const tanhs = facts.squashers.length - sigmoids;
  const names = [sigmoids ? plural(sigmoids, 'sigmoid layer') : '', tanhs ? plural(tanhs, 'tanh layer') : '']
    .filter(Boolean)
    .join(' and ');
  let sentence = `Between them ${facts.squashers.length === 1 ? 'lies' : 'lie'} ${names}`;
  if (sigmoids) {
    const bound = 0.25 ** sigmoids;
    sentence +=
      sigmoids === 1
        ? '; a sigmoid multiplies the gradient by its slope, at most 0.25'
        : `; each sigmoid multiplies the gradient by its slope, at most 0.25, so together they shrink it to at most 0.25^${sigmoids} ≈ ${shortNumber(bound)} of its size`;
  }
  if (tanhs)
    sentence += `${sigmoids ? ', and a' : '; a'} tanh multiplies it by at most 1, much less where it saturates`;
  sentence += '.';
  if (facts.saturatedShare !== undefined && facts.saturatedShare > 0) {
    const threshold = shortNumber(facts.saturationThreshold ?? 0.01);
    sentence += ` On this batch ${percent(facts.saturatedShare)} of their values sat where the slope is below ${threshold} (saturated).`;
  }
  return sentence;
}

export function explainExploding(
  entry: GradientFlowEntry,
  weightGrowth: number,
  facts: PathFacts,
  limit: number,
): string {
  const total = entry.growthPerLayer ** entry.distance;
  const measured =
    entry.growthPerLayer >= limit
      ? `The gradient ${entry.nodeId} passes back is ${shortNumber(total)} times, value for value, the one the last ` +
        `layer (${facts.lastLayerId}) passes back: it grew x${shortNumber(entry.growthPerLayer)} per layer on average ` +
        `over ${plural(entry.distance, 'layer')}, above the x${shortNumber(limit)} limit.`
      : `The weight gradient at ${entry.nodeId} is ${shortNumber(entry.ratioToLast)} times the last layer's ` +
        `(${facts.lastLayerId}): x${shortNumber(weightGrowth)} per layer going back, above the x${shortNumber(limit)} limit.`;
  return (
    `${measured} Going back, each layer multiplies the gradient by its weights (dE/dx = dE/dy W^T); weights this ` +
    'large make every layer enlarge it, and an update with such gradients throws the weights far away or overflows to NaN.'
  );
}

export function explainNonFinite(layer: LayerGradients, count: number): string {
  return (
    `The gradients at ${layer.nodeId} hold ${plural(count, 'NaN or infinite value')}: they overflowed on the way back, ` +
    'and an update with them would destroy the weights.'
  );
}
