import type { Optimizer } from './optimizer';

/** Plain gradient descent: w <- w - lr * dE/dw. */
export function sgd(learningRate: number): Optimizer {
  return {
    name: 'sgd',
    step(backend, params, grads) {
      for (const [id, nodeGrads] of grads) {
        const nodeParams = params.get(id);
        if (!nodeParams) continue;
        for (const [name, g] of Object.entries(nodeGrads)) {
          const p = nodeParams[name];
          if (p) backend.axpy(p, -learningRate, g);
        }
      }
    },
  };
}
