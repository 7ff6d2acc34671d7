import type { StepRecordPayload } from '../../protocol/results';
import { elementSub } from './activation-math';
import { texFactor, texNumber } from './number-format';
import { flat } from './tensor-values';
import { chain, type Derivation, dE, numberSum, sumOf, WORKED_ENTRIES, WORKED_TERMS, workedTerms } from './tex';

/** The losses whose sum is short enough to write out: E term by term with the numbers. */
export function lossForward(record: StepRecordPayload, digits: number): Derivation[] {
  const { target } = record;
  if (!target || record.inputs.length !== 1 || typeof record.output !== 'number') return [];
  const y = flat(record.inputs[0]);
  const t = flat(target);
  if (t.data.length !== y.data.length) return [];
  const batch = y.shape[0] ?? 1;
  const count = y.data.length;
  const symbols: string[] = [];
  const numbers: string[] = [];
  const shown = Math.min(count, WORKED_TERMS);
  for (let e = 0; e < shown; e++) {
    const k = elementSub(y.shape, e);
    const diff = `${texFactor(t.data[e], digits)} - ${texFactor(y.data[e], digits)}`;
    if (record.type === 'squared_error') {
      symbols.push(`\\tfrac12 (t${k} - y${k})^2`);
      numbers.push(`\\tfrac12 (${diff})^2`);
    } else if (record.type === 'mse') {
      symbols.push(`(t${k} - y${k})^2`);
      numbers.push(`(${diff})^2`);
    } else {
      return [];
    }
  }
  const scale = record.type === 'mse' ? count : batch;
  // Parentheses cannot span the lines of a broken sum, so a scaled sum stays on one line.
  const numeric =
    scale === 1 ? numberSum(workedTerms(numbers, count)) : `\\tfrac{1}{${scale}} \\big(${sumOf(numbers, count)}\\big)`;
  const symbolic = scale === 1 ? sumOf(symbols, count) : `\\tfrac{1}{${scale}} \\big(${sumOf(symbols, count)}\\big)`;
  const tex = chain('E', symbolic, numeric, texNumber(record.output, digits));
  return [{ caption: 'The loss of this pass', tex }];
}

/** ∂E/∂y_k of the squared-error losses with the numbers; E scales the result (1 for a lone loss). */
export function lossBackward(record: StepRecordPayload, digits: number): Derivation[] {
  const { target } = record;
  const grad = record.inputGrads?.[0];
  if (!target || !grad || record.inputs.length !== 1) return [];
  if (record.type !== 'squared_error' && record.type !== 'mse') return [];
  const y = flat(record.inputs[0]);
  const t = flat(target);
  const g = flat(grad);
  if (t.data.length !== y.data.length) return [];
  const batch = y.shape[0] ?? 1;
  const factor = record.type === 'mse' ? `\\tfrac{2}{${y.data.length}}` : batch === 1 ? '' : `\\tfrac{1}{${batch}}`;
  return Array.from({ length: Math.min(y.data.length, WORKED_ENTRIES) }, (_, e) => {
    const k = elementSub(y.shape, e);
    const symbolic = factor ? `${factor}(y${k} - t${k})` : `y${k} - t${k}`;
    const diff = `${texNumber(y.data[e], digits)} - ${texFactor(t.data[e], digits)}`;
    const numeric = factor ? `${factor}(${diff})` : diff;
    return {
      caption: `Output ${k.replace(/[_{}]/g, '')}`,
      tex: chain(dE(`y${k}`), symbolic, numeric, texNumber(g.data[e], digits)),
    };
  });
}
