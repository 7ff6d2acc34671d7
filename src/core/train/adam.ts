import type { Optimizer } from './optimizer';
import { createOptimizer, type OptimizerSettings } from './optimizer-base';

export interface AdamOptions extends Partial<OptimizerSettings> {
  beta1?: number;
  beta2?: number;
  epsilon?: number;
  amsgrad?: boolean;
}

interface AdamState {
  m: Float64Array;
  v: Float64Array;
  /** AMSGrad's running maximum of v. */
  vMax: Float64Array;
}

/**
 * Keras Adam (defaults lr 0.001, beta1 0.9, beta2 0.999, epsilon 1e-7), at step t = 1, 2, ...:
 *   m <- m + (g - m)(1 - beta1);  v <- v + (g^2 - v)(1 - beta2)
 *   alpha = lr sqrt(1 - beta2^t) / (1 - beta1^t);  w <- w - alpha m / (sqrt(v) + epsilon)
 *   (AMSGrad uses max(v) over steps in place of v)
 * tfjs's adam divides by sqrt(v_hat) + epsilon, v_hat = v / (1 - beta2^t): the same but for
 * where epsilon sits (the paper's form; Keras's is the paper's "epsilon hat").
 */
export function adam(options: AdamOptions = {}): Optimizer {
  const beta1 = options.beta1 ?? 0.9;
  const beta2 = options.beta2 ?? 0.999;
  const epsilon = options.epsilon ?? 1e-7;
  const amsgrad = options.amsgrad ?? false;
  return createOptimizer<AdamState>(
    {
      name: 'adam',
      createState: (size) => ({
        m: new Float64Array(size),
        v: new Float64Array(size),
        vMax: new Float64Array(amsgrad ? size : 0),
      }),
      update(w, g, { m, v, vMax }, lr, step) {
        const alpha = (lr * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step);
        for (let i = 0; i < w.length; i++) {
          m[i] += (g[i] - m[i]) * (1 - beta1);
          v[i] += (g[i] * g[i] - v[i]) * (1 - beta2);
          let second = v[i];
          if (amsgrad) {
            vMax[i] = Math.max(vMax[i], v[i]);
            second = vMax[i];
          }
          w[i] -= (alpha * m[i]) / (Math.sqrt(second) + epsilon);
        }
      },
      device: {
        rule: {
          key: amsgrad ? 'adam-amsgrad' : 'adam',
          state: [
            { name: 'm', initial: 0 },
            { name: 'v', initial: 0 },
            ...(amsgrad ? [{ name: 'vMax', initial: 0 }] : []),
          ],
          scalars: ['alpha', 'oneMinusBeta1', 'oneMinusBeta2', 'epsilon'],
          wgsl: `
m += (g - m) * p.oneMinusBeta1;
v += (g * g - v) * p.oneMinusBeta2;
${amsgrad ? 'vMax = max(vMax, v);' : ''}
w -= (p.alpha * m) / (sqrt(${amsgrad ? 'vMax' : 'v'}) + p.epsilon);`,
        },
        scalars: (lr, step) => ({
          alpha: (lr * Math.sqrt(1 - beta2 ** step)) / (1 - beta1 ** step),
          oneMinusBeta1: 1 - beta1,
          oneMinusBeta2: 1 - beta2,
          epsilon,
        }),
      },
    },
    { ...options, learningRate: options.learningRate ?? 0.001 },
  );
}
