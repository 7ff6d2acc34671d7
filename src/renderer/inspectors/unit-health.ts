import type { ActivationStats } from '../../core/inspect/activation-stats';
import { percent, shortNumber } from './inspect-format';

/** A share of saturated or dead units from which a layer is worth a second look. */
export const UNHEALTHY_SHARE = 0.1;

export interface HealthTag {
  text: string;
  /** Spelled out, for the tooltip. */
  detail: string;
  warn: boolean;
}

/** The one-line state of a node's output: saturation for sigmoid/tanh, dead units for ReLU, else its spread. */
export function healthTag(stats: ActivationStats): HealthTag {
  if (stats.saturation) {
    const { share, threshold } = stats.saturation;
    return {
      text: `${percent(share)} saturated`,
      detail: `${percent(share)} of the values have an input where the slope is below ${shortNumber(threshold)}`,
      warn: share >= UNHEALTHY_SHARE,
    };
  }
  if (stats.dead) {
    const { dead, units } = stats.dead;
    return {
      text: `${dead.length}/${units} dead`,
      detail: `${dead.length} of ${units} units output 0 for every sample, so they pass no gradient back`,
      warn: dead.length > 0,
    };
  }
  if (stats.nonFinite > 0) return { text: `${stats.nonFinite} NaN/∞`, detail: 'non-finite values', warn: true };
  return {
    text: `std ${shortNumber(stats.std)}`,
    detail: `standard deviation ${shortNumber(stats.std, 3)}`,
    warn: false,
  };
}

const categoryColor: Record<string, string> = {
  input: '#0d9488',
  layer: '#4f5bd5',
  activation: '#d97706',
  loss: '#c0368c',
};

export function categoryColorOf(category: string | undefined): string {
  return categoryColor[category ?? 'layer'] ?? categoryColor.layer;
}
