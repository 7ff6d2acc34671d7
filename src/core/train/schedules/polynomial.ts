import type { Schedule } from './schedule';

export interface PolynomialOptions {
  learningRate: number;
  decaySteps: number;
  /** TensorFlow's default 0.0001. */
  endLearningRate?: number;
  power?: number;
  /** Start again after T steps, decaying over the next multiple of T instead of staying at the end rate. */
  cycle?: boolean;
}

/**
 * TensorFlow's PolynomialDecay: (lr - end) * (1 - t'/T')^power + end, where without cycle
 * t' = min(t, T), T' = T, and with cycle t' = t, T' = T * ceil(t / T) (T' = T at t = 0).
 */
export function polynomialDecay({
  learningRate,
  decaySteps,
  endLearningRate = 0.0001,
  power = 1,
  cycle = false,
}: PolynomialOptions): Schedule {
  return (step) => {
    let t = step;
    let horizon = decaySteps;
    if (cycle) horizon = decaySteps * (step === 0 ? 1 : Math.ceil(step / decaySteps));
    else t = Math.min(step, decaySteps);
    return (learningRate - endLearningRate) * (1 - t / horizon) ** power + endLearningRate;
  };
}
