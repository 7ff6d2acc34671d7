import type { Optimizer } from './optimizer';
import { createOptimizer, type OptimizerSettings } from './optimizer-base';

export interface AdagradOptions extends Partial<OptimizerSettings> {
  initialAccumulatorValue?: number;
  epsilon?: number;
}

/**
 * Keras Adagrad (defaults lr 0.001, initial accumulator 0.1, epsilon 1e-7):
 *   a <- a + g^2;  w <- w - lr g / sqrt(a + epsilon)
 * tfjs's adagrad computes the same, with epsilon fixed to its backend's 1e-7.
 */
export function adagrad(options: AdagradOptions = {}): Optimizer {
  const initial = options.initialAccumulatorValue ?? 0.1;
  const epsilon = options.epsilon ?? 1e-7;
  return createOptimizer<Float64Array>(
    {
      name: 'adagrad',
      createState: (size) => new Float64Array(size).fill(initial),
      update(w, g, accumulator, lr) {
        for (let i = 0; i < w.length; i++) {
          accumulator[i] += g[i] * g[i];
          w[i] -= (lr * g[i]) / Math.sqrt(accumulator[i] + epsilon);
        }
      },
      device: {
        rule: {
          key: 'adagrad',
          state: [{ name: 'accumulator', initial }],
          scalars: ['lr', 'epsilon'],
          wgsl: `
accumulator += g * g;
w -= (p.lr * g) / sqrt(accumulator + p.epsilon);`,
        },
        scalars: (lr) => ({ lr, epsilon }),
      },
    },
    { ...options, learningRate: options.learningRate ?? 0.001 },
  );
}
