import type { ParamChange } from '../../protocol/results';
import { texFactor, texNumber } from './number-format';
import { flat } from './tensor-values';
import { chain, type Derivation, dE, sub, WORKED_ENTRIES } from './tex';

function indexOf(shape: readonly number[], e: number): number[] {
  const index: number[] = [];
  for (let axis = shape.length - 1, rest = e; axis >= 0; axis--) {
    index.unshift(rest % shape[axis]);
    rest = Math.floor(rest / shape[axis]);
  }
  return index;
}

/** w_new = w - η ∂E/∂w for the first entries of a parameter, with the numbers. */
export function updateDerivations(change: ParamChange, learningRate: number, digits: number): Derivation[] {
  if (!change.grad) return [];
  const old = flat(change.old);
  const grad = flat(change.grad);
  const now = flat(change.new);
  const eta = texNumber(learningRate, digits);
  return Array.from({ length: Math.min(old.data.length, WORKED_ENTRIES) }, (_, e) => {
    const index = indexOf(old.shape, e);
    const symbol = `${change.param}${old.shape.length ? sub(...index) : ''}`;
    const numbers = `${texNumber(old.data[e], digits)} - ${eta} \\times ${texFactor(grad.data[e], digits)}`;
    return {
      caption: `${change.param}${index.length ? `[${index.map((i) => i + 1).join(',')}]` : ''}`,
      tex: chain(`${symbol}^{+}`, `${symbol} - \\eta\\, ${dE(symbol)}`, numbers, texNumber(now.data[e], digits)),
    };
  });
}
