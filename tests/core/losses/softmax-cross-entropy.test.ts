import { describe, expect, it } from 'vitest';
import { softmaxCrossEntropyKind } from '../../../src/core/losses/softmax-cross-entropy';
import { Tensor } from '../../../src/core/tensor/tensor';
import {
  context,
  expectGradientsMatch,
  lossAndGradient,
  nested,
  oneHotRows,
  randomLabels,
  randomTensor,
  seeded,
} from './helpers';

const oneHot = { labels: 'one_hot' } as const;
const index = { labels: 'index' } as const;

function softmaxRow(z: number[]): number[] {
  const e = z.map(Math.exp);
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

describe('softmax_cross_entropy (fused, on logits)', () => {
  it('defaults to one-hot targets and parses index labels from its config', () => {
    expect(softmaxCrossEntropyKind.configSchema.parse({})).toEqual(oneHot);
    expect(softmaxCrossEntropyKind.configSchema.parse(index)).toEqual(index);
    expect(softmaxCrossEntropyKind.configSchema.safeParse({ labels: 'sparse' }).success).toBe(false);
  });

  it('computes -(1/N) sum_n ln softmax(z_n)_{y_n}; gradient (softmax(z) - y) / N', () => {
    const rows = [
      [1, 2, 0.5],
      [-1, 0, 3],
    ];
    const { loss, grad } = lossAndGradient(softmaxCrossEntropyKind, index, [nested(rows)], context(nested([1, 0])));
    const s = rows.map(softmaxRow);
    expect(loss).toBeCloseTo(-(Math.log(s[0][1]) + Math.log(s[1][0])) / 2, 14);
    const y = [
      [0, 1, 0],
      [1, 0, 0],
    ];
    for (let n = 0; n < 2; n++) {
      for (let k = 0; k < 3; k++) expect(grad.data[n * 3 + k]).toBeCloseTo((s[n][k] - y[n][k]) / 2, 14);
    }
  });

  for (const batch of [1, 5]) {
    it(`matches central differences with one-hot rows, batch ${batch}`, () => {
      const z = randomTensor([batch, 4], seeded(batch), -3, 3);
      const y = oneHotRows(randomLabels(batch, 4, seeded(40 + batch)), 4);
      expect(expectGradientsMatch(softmaxCrossEntropyKind, oneHot, [z], context(y))).toBeLessThan(1e-6);
    });

    it(`matches central differences with probability rows, batch ${batch}`, () => {
      const z = randomTensor([batch, 4], seeded(batch + 2), -3, 3);
      const p = randomTensor([batch, 4], seeded(50 + batch), 0, 1);
      for (let n = 0; n < batch; n++) {
        let total = 0;
        for (let k = 0; k < 4; k++) total += p.data[4 * n + k];
        for (let k = 0; k < 4; k++) p.data[4 * n + k] /= total;
      }
      expect(expectGradientsMatch(softmaxCrossEntropyKind, oneHot, [z], context(p))).toBeLessThan(1e-6);
    });

    it(`matches central differences with index labels [N] and [N, 1], batch ${batch}`, () => {
      const z = randomTensor([batch, 3], seeded(batch + 4), -3, 3);
      const labels = randomLabels(batch, 3, seeded(60 + batch));
      for (const shape of [[batch], [batch, 1]]) {
        const target = Tensor.fromArray(shape, labels, 'float64');
        expect(expectGradientsMatch(softmaxCrossEntropyKind, index, [z], context(target))).toBeLessThan(1e-6);
      }
    });
  }

  it('gives the same loss and gradient for index labels as for their one-hot rows', () => {
    const z = randomTensor([6, 5], seeded(9), -4, 4);
    const labels = randomLabels(6, 5, seeded(10));
    const byIndex = lossAndGradient(
      softmaxCrossEntropyKind,
      index,
      [z],
      context(Tensor.fromArray([6], labels, 'float64')),
    );
    const byRows = lossAndGradient(softmaxCrossEntropyKind, oneHot, [z], context(oneHotRows(labels, 5)));
    expect(byIndex.loss).toBe(byRows.loss);
    expect(Array.from(byIndex.grad.data)).toEqual(Array.from(byRows.grad.data));
  });

  it('stays finite with the right loss and gradient for logits of +-1000, in float64 and float32', () => {
    for (const dtype of ['float64', 'float32'] as const) {
      const z = nested(
        [
          [1000, -1000, 0],
          [-1000, 1000, 1000],
          [1000, -1000, -1000],
        ],
        dtype,
      );
      const { loss, grad } = lossAndGradient(softmaxCrossEntropyKind, index, [z], context(nested([0, 2, 1], dtype)));
      // row losses: ~0 (right and sure), ln 2 (a tie), 2000 (sure and wrong)
      expect(loss).toBeCloseTo((0 + Math.LN2 + 2000) / 3, dtype === 'float64' ? 12 : 4);
      const expected = [0, 0, 0, 0, 0.5, -0.5, 1, -1, 0].map((v) => v / 3);
      for (let i = 0; i < 9; i++) expect(grad.data[i]).toBeCloseTo(expected[i], 6);
      for (const v of grad.data) expect(Number.isFinite(v)).toBe(true);
    }
  });

  it('refuses a label that is not an integer class index, naming the sample', () => {
    const z = nested([
      [0, 1, 2],
      [2, 1, 0],
    ]);
    const run = (labels: number[]) => () =>
      lossAndGradient(softmaxCrossEntropyKind, index, [z], context(nested(labels)));
    expect(run([0, 3])).toThrow('target label 3 of sample 1 is not a class index: labels are integers from 0 to 2');
    expect(run([-1, 0])).toThrow('target label -1 of sample 0 is not a class index');
    expect(run([0, 1.5])).toThrow('target label 1.5 of sample 1 is not a class index');
    expect(run([0, Number.NaN])).toThrow('target label NaN of sample 1');
    try {
      run([0, 3])();
    } catch (e) {
      expect((e as Error).name).toBe('RunError');
    }
  });

  it('says which target shapes it takes when the target does not fit', () => {
    const z = nested([
      [0, 1, 2],
      [2, 1, 0],
    ]);
    expect(() => lossAndGradient(softmaxCrossEntropyKind, index, [z], context(oneHotRows([0, 1], 3)))).toThrow(
      'target has shape [2, 3] but the prediction has shape [2, 3] (this loss takes [2] or [2, 1])',
    );
    expect(() => lossAndGradient(softmaxCrossEntropyKind, oneHot, [z], context(nested([0, 1])))).toThrow(
      'target has shape [2] but the prediction has shape [2, 3]',
    );
    expect(softmaxCrossEntropyKind.targetShapes?.(index, [2, 3])).toEqual([[2], [2, 1]]);
    expect(softmaxCrossEntropyKind.targetShapes?.(oneHot, [2, 3])).toEqual([[2, 3]]);
    expect(() => softmaxCrossEntropyKind.outputShape(oneHot, [[2, 3, 4]], { batch: 2 })).toThrow(
      'expects a rank-2 input [batch, classes] of logits',
    );
  });
});
