import type { Optimizer } from './optimizer';
import { createOptimizer, type OptimizerSettings } from './optimizer-base';

export interface RmspropOptions extends Partial<OptimizerSettings> {
  rho?: number;
  momentum?: number;
  epsilon?: number;
  centered?: boolean;
}

interface RmspropState {
  meanSquare: Float64Array;
  meanGrad: Float64Array;
  moment: Float64Array;
}

/**
 * Keras RMSprop (defaults lr 0.001, rho 0.9, momentum 0, epsilon 1e-7, not centered):
 *   s <- rho s + (1 - rho) g^2
 *   centered: c <- rho c + (1 - rho) g;  d = s - c^2 + epsilon;  else d = s + epsilon
 *   inc = lr g / sqrt(d);  with momentum: p <- momentum p + inc, w <- w - p;  else w <- w - inc
 * tfjs's rmsprop matches, except that centered it takes sqrt(s - (c^2 + epsilon)), epsilon subtracted.
 */
export function rmsprop(options: RmspropOptions = {}): Optimizer {
  const rho = options.rho ?? 0.9;
  const momentumFactor = options.momentum ?? 0;
  const epsilon = options.epsilon ?? 1e-7;
  const centered = options.centered ?? false;
  return createOptimizer<RmspropState>(
    {
      name: 'rmsprop',
      createState: (size) => ({
        meanSquare: new Float64Array(size),
        meanGrad: new Float64Array(centered ? size : 0),
        moment: new Float64Array(momentumFactor > 0 ? size : 0),
      }),
      update(w, g, { meanSquare, meanGrad, moment }, lr) {
        for (let i = 0; i < w.length; i++) {
          meanSquare[i] = rho * meanSquare[i] + (1 - rho) * g[i] * g[i];
          let denominator = meanSquare[i] + epsilon;
          if (centered) {
            meanGrad[i] = rho * meanGrad[i] + (1 - rho) * g[i];
            denominator -= meanGrad[i] * meanGrad[i];
          }
          const increment = (lr * g[i]) / Math.sqrt(denominator);
          if (momentumFactor > 0) {
            moment[i] = momentumFactor * moment[i] + increment;
            w[i] -= moment[i];
          } else {
            w[i] -= increment;
          }
        }
      },
      device: {
        rule: {
          key: `rmsprop${centered ? '-centered' : ''}${momentumFactor > 0 ? '-momentum' : ''}`,
          state: [
            { name: 'meanSquare', initial: 0 },
            ...(centered ? [{ name: 'meanGrad', initial: 0 }] : []),
            ...(momentumFactor > 0 ? [{ name: 'moment', initial: 0 }] : []),
          ],
          scalars: ['lr', 'rho', 'oneMinusRho', 'epsilon', 'momentum'],
          wgsl: `
meanSquare = p.rho * meanSquare + p.oneMinusRho * g * g;
var denominator = meanSquare + p.epsilon;
${centered ? 'meanGrad = p.rho * meanGrad + p.oneMinusRho * g;\ndenominator -= meanGrad * meanGrad;' : ''}
let increment = (p.lr * g) / sqrt(denominator);
${momentumFactor > 0 ? 'moment = p.momentum * moment + increment;\nw -= moment;' : 'w -= increment;'}`,
        },
        scalars: (lr) => ({ lr, rho, oneMinusRho: 1 - rho, epsilon, momentum: momentumFactor }),
      },
    },
    { ...options, learningRate: options.learningRate ?? 0.001 },
  );
}
