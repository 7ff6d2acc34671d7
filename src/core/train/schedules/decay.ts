import { decayProgress, type Schedule } from './schedule';

export interface DecayOptions {
  learningRate: number;
  decaySteps: number;
  decayRate: number;
  staircase?: boolean;
}

/** TensorFlow's ExponentialDecay: lr * r^(t / T), with floor(t / T) for a staircase. */
export function exponentialDecay({ learningRate, decaySteps, decayRate, staircase = false }: DecayOptions): Schedule {
  return (step) => learningRate * decayRate ** decayProgress(step, decaySteps, staircase);
}

/** tf.compat.v1.train.natural_exp_decay: lr * exp(-r * t / T), with floor(t / T) for a staircase. */
export function naturalExpDecay({ learningRate, decaySteps, decayRate, staircase = false }: DecayOptions): Schedule {
  return (step) => learningRate * Math.exp(-decayRate * decayProgress(step, decaySteps, staircase));
}

/** TensorFlow's InverseTimeDecay: lr / (1 + r * t / T), with floor(t / T) for a staircase. */
export function inverseTimeDecay({ learningRate, decaySteps, decayRate, staircase = false }: DecayOptions): Schedule {
  return (step) => learningRate / (1 + decayRate * decayProgress(step, decaySteps, staircase));
}
