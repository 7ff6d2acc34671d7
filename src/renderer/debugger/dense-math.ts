import type { StepRecordPayload } from '../../protocol/results';
import { texFactor, texNumber } from './number-format';
import { flat, valueAt } from './tensor-values';
import { chain, type Derivation, dE, numberSum, sub, sumOf, WORKED_ENTRIES, WORKED_TERMS, workedTerms } from './tex';

/** y_j = Σ_i x_i W_ij + b_j for the first sample, with its numbers. */
export function denseForward(record: StepRecordPayload, digits: number): Derivation[] {
  if (!record.params.W || record.inputs.length !== 1) return [];
  const x = flat(record.inputs[0]);
  const W = flat(record.params.W);
  const b = record.params.b ? flat(record.params.b) : undefined;
  const y = flat(record.output);
  const [batch, inputs] = x.shape;
  const units = W.shape[1];
  const out: Derivation[] = [];
  for (let j = 0; j < Math.min(units, WORKED_ENTRIES); j++) {
    const shown = Math.min(inputs, WORKED_TERMS);
    const symbols: string[] = [];
    const numbers: string[] = [];
    for (let i = 0; i < shown; i++) {
      symbols.push(`x${sub(i)} W${sub(i, j)}`);
      numbers.push(`${texFactor(valueAt(x, [0, i]), digits)} \\times ${texFactor(valueAt(W, [i, j]), digits)}`);
    }
    let symbolic = sumOf(symbols, inputs);
    if (b) symbolic += ` + b${sub(j)}`;
    const numeric = numberSum(workedTerms(numbers, inputs, b ? [texFactor(valueAt(b, [j]), digits)] : []));
    const caption = `Unit ${j + 1}${batch > 1 ? ', sample 1' : ''}`;
    out.push({ caption, tex: chain(`y${sub(j)}`, symbolic, numeric, texNumber(valueAt(y, [0, j]), digits)) });
  }
  return out;
}

/** ∂E/∂W_ij = Σ_n δ_nj x_ni, ∂E/∂b_j = Σ_n δ_nj and ∂E/∂x_i = Σ_j δ_j W_ij, with their numbers. */
export function denseBackward(record: StepRecordPayload, digits: number): Derivation[] {
  const dW = record.paramGrads?.W;
  if (!record.upstream || !dW || record.inputs.length !== 1 || !record.params.W) return [];
  const delta = flat(record.upstream);
  const x = flat(record.inputs[0]);
  const W = flat(record.params.W);
  const gradW = flat(dW);
  const [batch, inputs] = x.shape;
  const units = W.shape[1];
  const out: Derivation[] = [];
  const one = batch === 1;
  const d = (n: number, j: number) => (one ? `\\delta${sub(j)}` : `\\delta${sub(n, j)}`);
  const xs = (n: number, i: number) => (one ? `x${sub(i)}` : `x${sub(n, i)}`);

  for (let k = 0; k < Math.min(inputs * units, WORKED_ENTRIES); k++) {
    const i = Math.floor(k / units);
    const j = k % units;
    const products: string[] = [];
    const symbols: string[] = [];
    for (let n = 0; n < Math.min(batch, WORKED_TERMS); n++) {
      symbols.push(`${d(n, j)}\\, ${xs(n, i)}`);
      products.push(`${texFactor(valueAt(delta, [n, j]), digits)} \\times ${texFactor(valueAt(x, [n, i]), digits)}`);
    }
    const symbolic = one ? symbols[0] : `\\sum_n \\delta_{n,${j + 1}}\\, x_{n,${i + 1}}`;
    out.push({
      caption: `Weight from input ${i + 1} to unit ${j + 1}`,
      tex: chain(
        dE(`W${sub(i, j)}`),
        symbolic,
        numberSum(workedTerms(products, batch)),
        texNumber(valueAt(gradW, [i, j]), digits),
      ),
    });
  }

  const db = record.paramGrads?.b;
  if (db) {
    const gradB = flat(db);
    for (let j = 0; j < Math.min(units, WORKED_ENTRIES); j++) {
      const value = texNumber(valueAt(gradB, [j]), digits);
      const terms = Array.from({ length: Math.min(batch, WORKED_TERMS) }, (_, n) =>
        texFactor(valueAt(delta, [n, j]), digits),
      );
      const tex = one
        ? chain(dE(`b${sub(j)}`), `\\delta${sub(j)}`, value)
        : chain(dE(`b${sub(j)}`), `\\sum_n \\delta_{n,${j + 1}}`, numberSum(workedTerms(terms, batch)), value);
      out.push({ caption: `Bias of unit ${j + 1}`, tex });
    }
  }

  const dx = record.inputGrads?.[0];
  if (dx) {
    const gradX = flat(dx);
    for (let i = 0; i < Math.min(inputs, WORKED_ENTRIES); i++) {
      const symbols: string[] = [];
      const numbers: string[] = [];
      for (let j = 0; j < Math.min(units, WORKED_TERMS); j++) {
        symbols.push(`\\delta${sub(j)} W${sub(i, j)}`);
        numbers.push(`${texFactor(valueAt(delta, [0, j]), digits)} \\times ${texFactor(valueAt(W, [i, j]), digits)}`);
      }
      out.push({
        caption: `Gradient passed back to input ${i + 1}${one ? '' : ', sample 1'}`,
        tex: chain(
          dE(`x${sub(i)}`),
          sumOf(symbols, units),
          numberSum(workedTerms(numbers, units)),
          texNumber(valueAt(gradX, [0, i]), digits),
        ),
      });
    }
  }
  return out;
}
