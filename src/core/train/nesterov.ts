import { type MomentumOptions, momentum } from './momentum';
import type { Optimizer } from './optimizer';

/** Keras SGD(momentum, nesterov=True): v <- m v - lr g; w <- w + m v - lr g. See momentum.ts. */
export function nesterov(options: Omit<MomentumOptions, 'nesterov'> = {}): Optimizer {
  return momentum({ ...options, nesterov: true });
}
