import { type Dataset, sampleCount } from '../data/dataset';
import type { PlanNode } from '../graph/compile';
import type { Network } from '../graph/network';

export interface PerceptronOptions {
  /** eta, 1 by default (with zero initial weights any positive eta learns the same boundary). */
  learningRate?: number;
  /** The most passes over the samples; training stops earlier after a pass without errors. */
  epochs?: number;
  onEpoch?: (epoch: PerceptronEpoch) => void;
}

export interface PerceptronEpoch {
  /** From 0. */
  epoch: number;
  /** Samples the unit got wrong during this pass (each one caused an update). */
  errors: number;
  weights: number[];
  bias: number;
}

export interface PerceptronReport {
  epochs: PerceptronEpoch[];
  /** True when the last pass made no error: the samples are separated. */
  converged: boolean;
}

/** Thrown when the network is not input -> dense (1 unit) -> step, or the data does not fit it. */
export class PerceptronError extends Error {
  override name = 'PerceptronError';
}

/**
 * Rosenblatt's perceptron rule for an input -> dense (1 unit, with bias) -> step network. The step
 * has no gradient, so instead of backpropagation each sample in turn moves the weights by
 * w <- w + eta (t - o) x and b <- b + eta (t - o), where o = 1 if w.x + b > 0 else 0 and the
 * target t is 0 or 1. Passes repeat until one makes no error or the epochs run out; on linearly
 * separable data (NAND, not XOR) the rule converges. The network's weights change in place.
 */
export function trainPerceptron(net: Network, data: Dataset, options: PerceptronOptions = {}): PerceptronReport {
  const { learningRate = 1, epochs = 100 } = options;
  const unit = perceptronUnit(net);
  const params = net.params.get(unit.id);
  if (!params?.W || !params.b) throw new PerceptronError(`dense node '${unit.id}' needs a weight W and a bias b`);
  const w = params.W.data;
  const b = params.b.data;
  const n = sampleCount(data);
  const features = w.length;
  if (data.inputs.size !== n * features || data.targets.size !== n) {
    throw new PerceptronError(
      `the perceptron rule needs ${features} input values and one 0/1 target per sample; '${data.name}' has ${data.inputs.size / Math.max(n, 1)} and ${data.targets.size / Math.max(n, 1)}`,
    );
  }
  const x = data.inputs.data;
  const t = data.targets.data;
  const notBinary = t.findIndex((v) => v !== 0 && v !== 1);
  if (notBinary !== -1) throw new PerceptronError(`targets must be 0 or 1; sample ${notBinary} has ${t[notBinary]}`);
  const history: PerceptronEpoch[] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    let errors = 0;
    for (let i = 0; i < n; i++) {
      let sum = b[0];
      for (let j = 0; j < features; j++) sum += w[j] * x[i * features + j];
      const delta = learningRate * (t[i] - (sum > 0 ? 1 : 0));
      if (delta === 0) continue;
      errors++;
      for (let j = 0; j < features; j++) w[j] += delta * x[i * features + j];
      b[0] += delta;
    }
    const summary = { epoch, errors, weights: Array.from(w), bias: b[0] };
    history.push(summary);
    options.onEpoch?.(summary);
    if (errors === 0) break;
  }
  return { epochs: history, converged: history.at(-1)?.errors === 0 };
}

/** The dense node of input -> dense (units 1, bias, no weight norm) -> step. */
function perceptronUnit(net: Network): PlanNode {
  const shape = 'input -> dense (1 unit, with bias) -> step';
  const step = net.plan.nodes.find((n) => n.kind.type === 'step');
  const unit = step && net.plan.byId.get(step.inputs[0]);
  const source = unit && net.plan.byId.get(unit.inputs[0]);
  const config = unit?.config as { units?: number; bias?: boolean; weightNorm?: boolean } | undefined;
  if (!unit || unit.kind.type !== 'dense' || source?.kind.type !== 'input')
    throw new PerceptronError(`the perceptron rule trains ${shape}; this model has no such chain`);
  if (config?.units !== 1 || config.bias === false || config.weightNorm)
    throw new PerceptronError(
      `the perceptron rule trains ${shape}; dense node '${unit.id}' is not one unit with a bias`,
    );
  return unit;
}
