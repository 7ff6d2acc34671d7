import type { Plan } from '../graph/compile';
import type { Tensor } from '../tensor/tensor';

/** What accuracy compares: the node whose output is the prediction, and how to read a single output. */
export interface PredictionReader {
  nodeId: string;
  /** A single output is a logit (a with-logits loss reads it): class 1 when > 0, not > 0.5. */
  logits: boolean;
}

/**
 * The prediction is the input of the first loss without parameters (a center loss, which has
 * centres, reads features, not predictions); without a loss, the last node's output.
 */
export function predictionReader(plan: Plan): PredictionReader | undefined {
  const losses = plan.lossIds.map((id) => plan.byId.get(id)).filter((n) => n !== undefined);
  const loss = losses.find((n) => Object.keys(n.paramSpecs).length === 0) ?? losses[0];
  if (loss?.inputs[0]) return { nodeId: loss.inputs[0], logits: loss.kind.type.endsWith('_with_logits') };
  const last = plan.nodes[plan.nodes.length - 1];
  return last ? { nodeId: last.id, logits: false } : undefined;
}

export interface Correct {
  correct: number;
  total: number;
}

/**
 * Correct predictions in a batch, or undefined when the targets are not classes. Several outputs:
 * the argmax against the one-hot row's argmax (or a class index). One output: class 1 when above
 * 0.5 (0 for logits, or for targets written -1/1), against targets that are all 0/1 or all -1/1.
 */
export function countCorrect(prediction: Tensor, targets: Tensor, logits = false): Correct | undefined {
  const n = prediction.shape[0];
  if (n === undefined || prediction.shape.length !== 2) return undefined;
  const k = prediction.shape[1];
  let correct = 0;
  if (k > 1) {
    const indexTargets = targets.size === n;
    if (!indexTargets && targets.size !== n * k) return undefined;
    for (let i = 0; i < n; i++) {
      const label = indexTargets ? targets.data[i] : argmax(targets.data, i * k, k);
      if (argmax(prediction.data, i * k, k) === label) correct++;
    }
    return { correct, total: n };
  }
  if (targets.size !== n) return undefined;
  const values = new Set(targets.data);
  const signs = [...values].every((v) => v === -1 || v === 1);
  if (!signs && ![...values].every((v) => v === 0 || v === 1)) return undefined;
  const threshold = logits || signs ? 0 : 0.5;
  for (let i = 0; i < n; i++) {
    if (prediction.data[i] > threshold === targets.data[i] > threshold) correct++;
  }
  return { correct, total: n };
}

function argmax(data: ArrayLike<number>, start: number, length: number): number {
  let best = 0;
  for (let j = 1; j < length; j++) if (data[start + j] > data[start + best]) best = j;
  return best;
}
