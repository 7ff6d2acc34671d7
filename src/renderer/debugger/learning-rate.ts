import type { ModelJson } from '../../core/graph/model';

/** The hand-worked example is done with 0.5; its numbers only match with that rate. */
const WORKED_EXAMPLE_RATE = 0.5;
const DEFAULT_RATE = 0.1;

/** The learning rate the model asks for, else the worked example's, else 0.1. */
export function defaultLearningRate(model: ModelJson): number {
  const stated = model.training?.optimizer?.learningRate;
  if (typeof stated === 'number' && stated > 0) return stated;
  return /worked backpropagation example/i.test(model.name ?? '') ? WORKED_EXAMPLE_RATE : DEFAULT_RATE;
}
