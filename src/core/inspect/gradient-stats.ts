import type { PlanNode } from '../graph/compile';
import type { Executor } from '../graph/executor';
import type { Tensor } from '../tensor/tensor';
import { combineMagnitudes, type Magnitude, magnitude } from './histogram';
import { type LayerPlace, layerOrder } from './layer-order';

/** dLoss/d(input) of each node, in input order, as its own backward step returned it. */
export type InputGradients = Map<string, Tensor[]>;

/**
 * A whole forward and backward pass from the start, keeping what each node's backward step
 * passed to its inputs. (The executor keeps only the sums over consumers, so a node whose input
 * feeds two nodes could not be told apart from its sibling afterwards.)
 */
export function runInspectedPass(ex: Executor): InputGradients {
  ex.reset();
  ex.runForward();
  const inputGrads: InputGradients = new Map();
  while (ex.phase !== 'done') {
    const step = ex.stepBackward();
    if (step?.backward) inputGrads.set(step.nodeId, step.backward.dInputs);
  }
  return inputGrads;
}

/** Gradient sizes at one layer after a backward pass. */
export interface LayerGradients extends LayerPlace {
  type: string;
  /** dLoss/d(parameter) of each trainable parameter. */
  params: Record<string, Magnitude>;
  /** The weights' gradients together: the parameters that multiply (W, a conv kernel, gamma), not the biases. */
  weights: Magnitude;
  /** dLoss/d(output): the gradient arriving from the loss side. */
  output: Magnitude;
  /** dLoss/d(input): the gradient this layer passes back, every input together. */
  input: Magnitude;
}

/**
 * The weight parameters of a layer. Biases start at zero by every type's default and are added,
 * not multiplied, so they neither shrink nor grow the signal; the rules compare weights.
 */
function weightNames(node: PlanNode): string[] {
  const trainable = Object.entries(node.paramSpecs).filter(([, s]) => s.trainable !== false);
  const weights = trainable.filter(([, s]) => s.init !== 'zeros');
  return (weights.length ? weights : trainable).map(([name]) => name);
}

/** Gradient sizes at every layer, nearest the loss first; the executor must have run backward. */
export function gradientStats(ex: Executor, inputGrads?: InputGradients): LayerGradients[] {
  const out: LayerGradients[] = [];
  for (const place of layerOrder(ex.plan)) {
    const node = ex.plan.byId.get(place.nodeId);
    const grads = ex.paramGrads.get(place.nodeId);
    const output = ex.grads.get(place.nodeId);
    if (!node || !grads || !output) continue;
    const params: Record<string, Magnitude> = {};
    for (const [name, spec] of Object.entries(node.paramSpecs)) {
      const g = grads[name];
      if (spec.trainable !== false && g) params[name] = magnitude(g.data);
    }
    const weights = combineMagnitudes(weightNames(node).flatMap((name) => (params[name] ? [params[name]] : [])));
    const passed = inputGrads?.get(node.id) ?? node.inputs.flatMap((id) => ex.grads.get(id) ?? []);
    out.push({
      ...place,
      type: node.kind.type,
      params,
      weights,
      output: magnitude(output.data),
      input: combineMagnitudes(passed.map((t) => magnitude(t.data))),
    });
  }
  return out;
}
