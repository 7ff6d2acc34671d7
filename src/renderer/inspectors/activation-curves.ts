/** An element-wise activation as numbers: f and its slope f' at x, for plotting and worked examples. */
export interface ActivationCurve {
  f(x: number): number;
  slope(x: number): number;
  /** LaTeX of f applied to an argument, and of f' at it. */
  fTex(arg: string): string;
  slopeTex(arg: string): string;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** Curves of the element-wise activations; undefined for other kinds (softmax mixes its inputs). */
export function activationCurve(type: string, config: Record<string, unknown> = {}): ActivationCurve | undefined {
  switch (type) {
    case 'sigmoid':
      return {
        f: sigmoid,
        slope: (x) => sigmoid(x) * (1 - sigmoid(x)),
        fTex: (a) => `\\sigma(${a})`,
        slopeTex: (a) => `\\sigma'(${a})`,
      };
    case 'tanh':
      return {
        f: Math.tanh,
        slope: (x) => 1 - Math.tanh(x) ** 2,
        fTex: (a) => `\\tanh(${a})`,
        slopeTex: (a) => `\\tanh'(${a})`,
      };
    case 'relu':
      // The slope at exactly 0 is taken as 0, as the engine's backward does.
      return {
        f: (x) => Math.max(0, x),
        slope: (x) => (x > 0 ? 1 : 0),
        fTex: (a) => `\\max(0, ${a})`,
        slopeTex: (a) => `f'(${a})`,
      };
    case 'leaky_relu': {
      const alpha = typeof config.alpha === 'number' ? config.alpha : 0.01;
      return {
        f: (x) => (x > 0 ? x : alpha * x),
        slope: (x) => (x > 0 ? 1 : alpha),
        fTex: (a) => `f(${a})`,
        slopeTex: (a) => `f'(${a})`,
      };
    }
    case 'softplus':
      return {
        f: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
        slope: sigmoid,
        fTex: (a) => `\\ln(1 + e^{${a}})`,
        slopeTex: (a) => `\\sigma(${a})`,
      };
    case 'identity':
      return { f: (x) => x, slope: () => 1, fTex: (a) => a, slopeTex: () => '1' };
    case 'step':
      return { f: (x) => (x > 0 ? 1 : 0), slope: () => 0, fTex: (a) => `[${a} > 0]`, slopeTex: () => '0' };
    default:
      return undefined;
  }
}

/**
 * Where a sigmoid or tanh saturates: |x| beyond this bound has slope below the threshold
 * (for 0.01: sigmoid 4.58, tanh 2.99). Undefined for activations that do not saturate.
 */
export function saturationBound(type: string, threshold = 0.01): number | undefined {
  if (!(threshold > 0)) return undefined;
  if (type === 'sigmoid') {
    if (threshold >= 0.25) return 0;
    const s = (1 - Math.sqrt(1 - 4 * threshold)) / 2;
    return Math.log((1 - s) / s);
  }
  if (type === 'tanh') return threshold >= 1 ? 0 : Math.atanh(Math.sqrt(1 - threshold));
  return undefined;
}

/** Evenly spaced points over [from, to], both ends included. */
export function linspace(from: number, to: number, count: number): number[] {
  return Array.from({ length: count }, (_, i) => from + ((to - from) * i) / Math.max(1, count - 1));
}
