/** Where the gradient-flow rules draw their lines; the user moves them in the Preferences popover. */
export interface GradientThresholds {
  /** A layer vanishes when its weight-gradient norm is below this fraction of the last layer's. */
  vanishingRatio: number;
  /** The gradient explodes when it grows by this factor or more per layer going back. */
  explodingFactor: number;
}

/**
 * core's gradientFlowDefaults, repeated because the renderer may not load core/inspect at run
 * time; a test keeps the two equal.
 */
export const DEFAULT_THRESHOLDS: Readonly<GradientThresholds> = { vanishingRatio: 1e-3, explodingFactor: 10 };

const STORAGE_KEY = 'backprop-studio.gradient-thresholds';

export function validVanishingRatio(value: number): boolean {
  return Number.isFinite(value) && value > 0 && value <= 1;
}

export function validExplodingFactor(value: number): boolean {
  return Number.isFinite(value) && value > 1;
}

/** The thresholds saved in this browser, each falling back to its default when missing or unusable. */
export function readThresholds(
  storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage,
): GradientThresholds {
  try {
    const saved = JSON.parse(storage?.getItem(STORAGE_KEY) ?? 'null') as Partial<Record<string, unknown>> | null;
    const vanishing = Number(saved?.vanishingRatio);
    const exploding = Number(saved?.explodingFactor);
    return {
      vanishingRatio: validVanishingRatio(vanishing) ? vanishing : DEFAULT_THRESHOLDS.vanishingRatio,
      explodingFactor: validExplodingFactor(exploding) ? exploding : DEFAULT_THRESHOLDS.explodingFactor,
    };
  } catch {
    return { ...DEFAULT_THRESHOLDS };
  }
}

export function saveThresholds(
  thresholds: GradientThresholds,
  storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage,
): void {
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(thresholds));
  } catch {
    // Storage can be unavailable (private windows); the thresholds still hold for this session.
  }
}
