import type { Optimizer } from './optimizer';
import { createOptimizer, type OptimizerSettings } from './optimizer-base';

export type SgdOptions = Partial<OptimizerSettings>;

/** Keras SGD without momentum: w <- w - lr * g. Default lr 0.01. A bare number is the learning rate. */
export function sgd(options: number | SgdOptions = {}): Optimizer {
  const settings = typeof options === 'number' ? { learningRate: options } : options;
  return createOptimizer<null>(
    {
      name: 'sgd',
      createState: () => null,
      update(w, g, _state, lr) {
        for (let i = 0; i < w.length; i++) w[i] -= lr * g[i];
      },
      device: {
        rule: { key: 'sgd', state: [], scalars: ['lr'], wgsl: 'w -= p.lr * g;' },
        scalars: (lr) => ({ lr }),
      },
    },
    { ...settings, learningRate: settings.learningRate ?? 0.01 },
  );
}
