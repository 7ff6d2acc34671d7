import katex from 'katex';
import { beforeAll, describe, expect, it } from 'vitest';
import type { StepRecordPayload } from '../../src/protocol/results';
import { elementSub } from '../../src/renderer/debugger/activation-math';
import { backwardDerivations, forwardDerivations } from '../../src/renderer/debugger/derivations';
import { formulaParts } from '../../src/renderer/debugger/FormulaBox';
import { colorScale } from '../../src/renderer/debugger/heatmap-colors';
import { parseLearningRate } from '../../src/renderer/debugger/LearningRateField';
import { digitsFor, formatSig, texFactor, texNumber } from '../../src/renderer/debugger/number-format';
import type { Derivation } from '../../src/renderer/debugger/tex';
import { updateDerivations } from '../../src/renderer/debugger/update-math';
import { inProcessClient } from './debugger-helpers';
import { exampleText } from './helpers';

type Records = Record<string, { forward?: StepRecordPayload; backward?: StepRecordPayload }>;

async function passRecords(dtype: 'float32' | 'float64'): Promise<Records> {
  const client = inProcessClient();
  await client.request('load', { text: exampleText, dtype });
  const pass = await client.request('step', { direction: 'pass' });
  const records: Records = {};
  for (const r of pass.records) records[r.nodeId] = { ...records[r.nodeId], [r.direction]: r };
  return records;
}

/** Every derivation must be TeX that KaTeX accepts. */
function texts(derivations: Derivation[]): string[] {
  for (const d of derivations) expect(() => katex.renderToString(d.tex, { throwOnError: true })).not.toThrow();
  return derivations.map((d) => d.tex);
}

let exact: Records;

beforeAll(async () => {
  exact = await passRecords('float64');
});

describe('number formatting', () => {
  it('keeps 9 significant digits without trailing zeros', () => {
    expect(formatSig(0.74136507, 9)).toBe('0.74136507');
    expect(formatSig(0.1384985616, 9)).toBe('0.138498562');
    expect(formatSig(-0.03809823651655, 9)).toBe('-0.0380982365');
    expect(formatSig(0.35, 9)).toBe('0.35');
    expect(formatSig(0, 9)).toBe('0');
    expect(formatSig(1.234567e-7, 4)).toBe('1.235e-7');
    expect(formatSig(Number.NaN, 4)).toBe('NaN');
  });

  it('writes numbers for TeX: exponents as powers of ten, negative factors in parentheses', () => {
    expect(texNumber(1.5e-7, 9)).toBe('1.5 \\times 10^{-7}');
    expect(texFactor(-0.25, 9)).toBe('(-0.25)');
    expect(texFactor(0.25, 9)).toBe('0.25');
  });

  it('shows the digits the dtype carries', () => {
    expect(digitsFor('float64')).toBe(9);
    expect(digitsFor('float32')).toBe(7);
    expect(digitsFor(undefined)).toBe(7);
  });

  it('parses a learning rate only when it is a positive number', () => {
    expect(parseLearningRate('0.5')).toBe(0.5);
    expect(parseLearningRate(' 1e-3 ')).toBe(0.001);
    for (const bad of ['', '0', '-1', 'abc', 'Infinity']) expect(parseLearningRate(bad)).toBeNull();
  });

  it('names elements without the batch axis when there is one sample', () => {
    expect(elementSub([1, 2], 1)).toBe('_{2}');
    expect(elementSub([2, 3], 4)).toBe('_{22}');
    expect(elementSub([1, 12], 10)).toBe('_{11}');
    expect(elementSub([1, 2, 10, 10], 0)).toBe('_{1,1,1}');
  });
});

describe('the chain rule with the worked example numbers', () => {
  it('at the output sigmoid: dE/dnet_o1 = dE/dout_o1 · out_o1(1 − out_o1)', () => {
    const [local, first, second] = texts(
      backwardDerivations(exact.o_act.backward as StepRecordPayload, 'activation', 9),
    );
    expect(local).toContain("f'(\\mathrm{net}_{1}) &= \\mathrm{out}_{1}\\,(1 - \\mathrm{out}_{1})");
    expect(local).toContain('0.75136507\\,(1 - 0.75136507) \\\\ &= 0.186815602');
    expect(first).toContain(
      '\\frac{\\partial E}{\\partial \\mathrm{out}_{1}} \\cdot \\mathrm{out}_{1}\\,(1 - \\mathrm{out}_{1})',
    );
    expect(first).toContain('0.74136507 \\times 0.186815602 \\\\ &= 0.138498562');
    expect(second).toContain('(-0.217071535) \\times 0.175510053');
  });

  it('at the output layer: dE/dw5 = δ_o1 · out_h1, the bias and the gradient passed back', () => {
    const all = texts(backwardDerivations(exact.o.backward as StepRecordPayload, 'layer', 9));
    expect(all[0]).toContain('\\frac{\\partial E}{\\partial W_{11}} &= \\delta_{1}\\, x_{1}');
    expect(all[0]).toContain('0.138498562 \\times 0.593269992');
    // Nine significant digits: the hand-worked 0.082167041 has nine decimals.
    expect(all[0]).toContain('&= 0.0821670406');
    expect(all).toHaveLength(4 + 2 + 2);
    expect(all[4]).toContain('\\delta_{1} \\\\ &= 0.138498562');
    expect(all[6]).toContain('\\delta_{1} W_{11} + \\delta_{2} W_{12}');
    // Too long for the panel on one line: a term a line.
    expect(all[6]).toContain('0.138498562 \\times 0.4 \\\\ &\\quad + (-0.0380982365) \\times 0.5');
  });

  it('forward at the hidden layer and the loss, and dE/dy at the loss', () => {
    const [h1] = texts(forwardDerivations(exact.h.forward as StepRecordPayload, 'layer', 9));
    expect(h1).toContain('x_{1} W_{11} + x_{2} W_{21} + b_{1}');
    expect(h1).toContain('0.05 \\times 0.15 + 0.1 \\times 0.2 + 0.35');
    expect(h1).toContain('&= 0.3775');
    const [sigmoid] = texts(forwardDerivations(exact.h_act.forward as StepRecordPayload, 'activation', 9));
    expect(sigmoid).toContain('\\sigma(0.3775) \\\\ &= 0.593269992');
    const [loss] = texts(forwardDerivations(exact.loss.forward as StepRecordPayload, 'loss', 9));
    expect(loss).toContain('\\tfrac12 (0.01 - 0.75136507)^2 \\\\ &\\quad + \\tfrac12 (0.99 - 0.772928465)^2');
    expect(loss).toContain('&= 0.298371109');
    const [dy1] = texts(backwardDerivations(exact.loss.backward as StepRecordPayload, 'loss', 9));
    expect(dy1).toContain('0.75136507 - 0.01 \\\\ &= 0.74136507');
  });

  it('the update: w5+ = w5 − η dE/dw5', () => {
    const change = {
      nodeId: 'o',
      param: 'W',
      old: [
        [0.4, 0.5],
        [0.45, 0.55],
      ],
      new: [
        [0.35891648, 0.5113013],
        [0.40866619, 0.56137012],
      ],
      grad: [
        [0.082167041, -0.0226025],
        [0.0826676, -0.0227402],
      ],
    };
    const [w11] = texts(updateDerivations(change, 0.5, 9));
    expect(w11).toContain('0.4 - 0.5 \\times 0.082167041 \\\\ &= 0.35891648');
  });

  it('in float32 shows 7 digits, the ones float32 carries', async () => {
    const single = await passRecords('float32');
    const [, first] = texts(backwardDerivations(single.o_act.backward as StepRecordPayload, 'activation', 7));
    expect(first).toContain('0.7413651 \\times 0.1868156');
    expect(first).toContain('&= 0.1384986');
  });

  it('nodes without a worked form give no derivations rather than wrong ones', () => {
    expect(backwardDerivations(exact.x.backward as StepRecordPayload, 'input', 9)).toEqual([]);
  });
});

describe('heatmap colours', () => {
  it('diverges around zero when values have both signs', () => {
    const scale = colorScale([-2, 1]);
    expect(scale).toMatchObject({ diverging: true, min: -2, max: 2 });
    expect(scale.color(0).map(Math.round)).toEqual([248, 250, 252]);
  });

  it('runs from min to max otherwise', () => {
    const scale = colorScale([1, 3]);
    expect(scale).toMatchObject({ diverging: false, min: 1, max: 3 });
    expect(scale.color(1).map(Math.round)).toEqual([68, 1, 84]);
    expect(scale.color(3).map(Math.round)).toEqual([253, 231, 37]);
  });
});

describe('formula layout', () => {
  it('puts the parts a kind joins with quad on lines of their own', () => {
    expect(formulaParts('a = b,\\quad c = d,\\quad e')).toEqual(['a = b', 'c = d', 'e']);
    expect(formulaParts('y = x')).toEqual(['y = x']);
  });
});
