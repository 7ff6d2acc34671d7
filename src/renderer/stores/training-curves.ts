import type { EpochSummary } from '../../core/train/fit-types';

/** A batch or epoch on the curves; x counts epochs across every run since the curves were cleared. */
export interface CurvePoint {
  x: number;
  loss: number;
  accuracy?: number;
}

export interface EpochPoint extends CurvePoint {
  valLoss?: number;
  valAccuracy?: number;
}

export interface Curves {
  batches: CurvePoint[];
  epochs: EpochPoint[];
  /** Where each run after the first began, to mark "continued" on the curves. */
  runStarts: number[];
}

/** The most points a curve keeps: beyond it, every other old point is dropped. */
export const CURVE_LIMIT = 4000;

export function thinned<T>(points: T[]): T[] {
  if (points.length <= CURVE_LIMIT) return points;
  const kept = points.filter((_, i) => i % 2 === 1);
  const last = points[points.length - 1];
  return kept[kept.length - 1] === last ? kept : [...kept, last];
}

export const emptyCurves: Curves = { batches: [], epochs: [], runStarts: [] };

export function epochPoint(summary: EpochSummary, offset: number): EpochPoint {
  return {
    x: offset + summary.epoch + 1,
    loss: summary.loss,
    accuracy: summary.accuracy,
    valLoss: summary.validationLoss,
    valAccuracy: summary.validationAccuracy,
  };
}
