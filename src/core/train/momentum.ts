import type { Optimizer } from './optimizer';
import { createOptimizer, type OptimizerSettings } from './optimizer-base';

export interface MomentumOptions extends Partial<OptimizerSettings> {
  /** Keras SGD's momentum; 0.9 here, the usual choice (Keras's SGD defaults to 0, plain descent). */
  momentum?: number;
  nesterov?: boolean;
}

/**
 * Keras SGD with momentum m, velocity v starting at 0:
 *   v <- m v - lr g;  w <- w + v                 (classical)
 *   v <- m v - lr g;  w <- w + m v - lr g        (Nesterov, with the new v)
 * tfjs's MomentumOptimizer keeps a = m a + g and w <- w - lr a (Nesterov: w <- w - lr (g + m a));
 * with a constant lr the two agree (v = -lr a); Keras's form applies a schedule to new steps only.
 * Default lr 0.01.
 */
export function momentum(options: MomentumOptions = {}): Optimizer {
  const m = options.momentum ?? 0.9;
  const nesterov = options.nesterov ?? false;
  return createOptimizer<Float64Array>(
    {
      name: nesterov ? 'nesterov' : 'momentum',
      createState: (size) => new Float64Array(size),
      update(w, g, velocity, lr) {
        for (let i = 0; i < w.length; i++) {
          const v = m * velocity[i] - lr * g[i];
          velocity[i] = v;
          w[i] += nesterov ? m * v - lr * g[i] : v;
        }
      },
      device: {
        rule: {
          key: nesterov ? 'nesterov' : 'momentum',
          state: [{ name: 'velocity', initial: 0 }],
          scalars: ['lr', 'momentum'],
          wgsl: `
let v = p.momentum * velocity - p.lr * g;
velocity = v;
w += ${nesterov ? 'p.momentum * v - p.lr * g' : 'v'};`,
        },
        scalars: (lr) => ({ lr, momentum: m }),
      },
    },
    { ...options, learningRate: options.learningRate ?? 0.01 },
  );
}
