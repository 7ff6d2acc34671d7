import { Rng } from '../rng';
import { deriveSeed } from '../seeds';
import type { Schedule } from './schedule';

export interface CosineOptions {
  learningRate: number;
  decaySteps: number;
  /** The floor as a fraction of lr; TensorFlow's default 0. */
  alpha?: number;
}

/** TensorFlow's CosineDecay: t' = min(t, T); lr * ((1 - alpha) * 0.5 * (1 + cos(pi t' / T)) + alpha). */
export function cosineDecay({ learningRate, decaySteps, alpha = 0 }: CosineOptions): Schedule {
  return (step) => {
    const t = Math.min(step, decaySteps);
    const cosine = 0.5 * (1 + Math.cos((Math.PI * t) / decaySteps));
    return learningRate * ((1 - alpha) * cosine + alpha);
  };
}

export interface LinearCosineOptions {
  learningRate: number;
  decaySteps: number;
  numPeriods?: number;
  alpha?: number;
  beta?: number;
}

export interface NoisyLinearCosineOptions extends LinearCosineOptions {
  initialVariance?: number;
  varianceDecay?: number;
  /** Seed of the noise: the noise at step t depends only on the seed and t, so rates repeat when asked again. */
  seed?: number;
}

/**
 * tf.compat.v1.train.linear_cosine_decay: t' = min(t, T), linear = (T - t') / T,
 * cosine = 0.5 (1 + cos(pi * 2 * periods * t' / T)), lr * ((alpha + linear) * cosine + beta).
 */
export function linearCosineDecay(options: LinearCosineOptions): Schedule {
  return linearCosine(options, () => 0);
}

/**
 * tf.compat.v1.train.noisy_linear_cosine_decay: linear cosine with eps_t ~ N(0, v0 / (1 + t')^decay)
 * added to the linear term (t' = min(t, T), as TensorFlow clamps the step before the variance).
 */
export function noisyLinearCosineDecay(options: NoisyLinearCosineOptions): Schedule {
  const { initialVariance = 1, varianceDecay = 0.55, seed = 0 } = options;
  return linearCosine(options, (t) => {
    const std = Math.sqrt(initialVariance / (1 + t) ** varianceDecay);
    return std * new Rng(deriveSeed(seed, t)).normal();
  });
}

function linearCosine(
  { learningRate, decaySteps, numPeriods = 0.5, alpha = 0, beta = 0.001 }: LinearCosineOptions,
  noise: (clampedStep: number) => number,
): Schedule {
  return (step) => {
    const t = Math.min(step, decaySteps);
    const linear = (decaySteps - t) / decaySteps + noise(t);
    const cosine = 0.5 * (1 + Math.cos(Math.PI * 2 * numPeriods * (t / decaySteps)));
    return learningRate * ((alpha + linear) * cosine + beta);
  };
}
