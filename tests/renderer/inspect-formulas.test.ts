import { describe, expect, it } from 'vitest';
import { gradientFlowDefaults } from '../../src/core/inspect/gradient-flow';
import { convOutputSize } from '../../src/core/layers/window';
import { groupByConcept } from '../../src/renderer/examples/concepts';
import { examples } from '../../src/renderer/examples/examples';
import { activationCurve, saturationBound } from '../../src/renderer/inspectors/activation-curves';
import {
  activationAtTex,
  convParamCountTex,
  denseParamCountTex,
  denseUnitTex,
  outputSizeTex,
  ruleThenNumbers,
  texNumber,
} from '../../src/renderer/inspectors/formula-tex';
import {
  DEFAULT_THRESHOLDS,
  readThresholds,
  saveThresholds,
} from '../../src/renderer/inspectors/threshold-preferences';
import { windowAxes } from '../../src/renderer/inspectors/window-axes';
import {
  type AxisWindow,
  convFixOptions,
  flooredSentences,
  isExact,
  noPaddingReason,
  noPaddingSentences,
  outputSize,
  poolFixOptions,
  windowFixes,
} from '../../src/renderer/inspectors/window-fixes';

const square = (input: number, kernel: number, stride: number, pad: number): [AxisWindow, AxisWindow] => [
  { input, kernel, stride, pad },
  { input, kernel, stride, pad },
];

describe('fixes for an output size that is not whole', () => {
  it('input 32, kernel 5, stride 2, pad 0: (32 - 5) / 2 = 13.5; no padding helps, stride 1 or 3 does', () => {
    const axes = square(32, 5, 2, 0);
    expect(isExact(axes[0])).toBe(false);
    expect(outputSize(axes[0])).toBe(14);
    // 32 - 5 + 2P is odd for every P, and stride 2 needs an even span.
    expect(windowFixes(axes, convFixOptions)).toEqual([
      { field: 'stride', value: 1, output: [28, 28] },
      { field: 'stride', value: 3, output: [10, 10] },
      { field: 'padding', value: 'same', output: [16, 16] },
    ]);
    expect(noPaddingReason(axes[0], convFixOptions)).toBe(
      '32 − 5 + 2P is odd for every P, and stride 2 needs an even number',
    );
  });

  it('input 32, kernel 4, stride 3: padding 1 gives (32 - 4 + 2) / 3 = 10, strides 2 and 4 divide 28', () => {
    expect(windowFixes(square(32, 4, 3, 0), convFixOptions)).toEqual([
      { field: 'padding', value: 1, output: [11, 11] },
      { field: 'stride', value: 2, output: [15, 15] },
      { field: 'stride', value: 4, output: [8, 8] },
      { field: 'padding', value: 'same', output: [11, 11] },
    ]);
    expect(noPaddingReason(square(32, 4, 3, 0)[0], convFixOptions)).toBeUndefined();
  });

  it('offers nothing when both axes are already whole', () => {
    expect(windowFixes(square(28, 5, 1, 2), convFixOptions)).toEqual([]);
  });

  it('gives [h, w] when only one axis needs the change', () => {
    // Height (28 - 4) / 3 = 8 is whole; width (27 - 4) / 3 is not, (27 - 4 + 2·2) / 3 = 9 is.
    const axes: [AxisWindow, AxisWindow] = [
      { input: 28, kernel: 4, stride: 3, pad: 0 },
      { input: 27, kernel: 4, stride: 3, pad: 0 },
    ];
    const fixes = windowFixes(axes, convFixOptions);
    expect(fixes[0]).toEqual({ field: 'padding', value: [0, 2], output: [9, 10] });
    expect(fixes[1]).toEqual({ field: 'stride', value: [3, 1], output: [9, 24] });
  });

  it('keeps pooling padding at most half the window', () => {
    const fixes = windowFixes(square(7, 2, 2, 0), poolFixOptions);
    expect(fixes.filter((f) => f.field === 'padding' && f.value !== 'same')).toEqual([]);
    expect(fixes).toContainEqual({ field: 'stride', value: 1, output: [6, 6] });
  });

  it("reads the axes from a node's config, with the stride of a pool defaulting to its window", () => {
    expect(windowAxes('conv2d', { filters: 6, kernel: 5, stride: 2 }, [1, 1, 32, 32])?.axes?.[0]).toEqual({
      input: 32,
      kernel: 5,
      stride: 2,
      pad: 0,
    });
    expect(windowAxes('avg_pool2d', { window: 2, padding: [1, 0] }, [1, 6, 28, 28])?.axes).toEqual([
      { input: 28, kernel: 2, stride: 2, pad: 1 },
      { input: 28, kernel: 2, stride: 2, pad: 0 },
    ]);
    expect(windowAxes('conv2d', { filters: 1, kernel: 3, padding: 'same' }, [1, 1, 5, 5])?.axes).toBeUndefined();
    expect(windowAxes('dense', { units: 2 }, [1, 2])).toBeUndefined();
  });

  it("sets core's worked formula one step a line for the card", () => {
    expect(outputSizeTex('H', convOutputSize(28, 5, 1, 2).latex)).toBe('H_2 = \\frac{28 - 5 + 2 \\cdot 2}{1} + 1 = 28');
    expect(outputSizeTex('W', convOutputSize(32, 5, 2, 0).latex)).toBe(
      '\\begin{aligned} W_2 &= \\left\\lfloor \\frac{32 - 5 + 2 \\cdot 0}{2} \\right\\rfloor + 1 \\\\ ' +
        '&= \\lfloor 13.5 \\rfloor + 1 = 14 \\end{aligned}',
    );
  });

  it('says what flooring drops, once for both axes when they agree', () => {
    expect(flooredSentences(square(32, 5, 2, 0))).toEqual([
      'Height and width: (32 − 5 + 2·0) / 2 = 13.5 is not whole, so frameworks floor it, giving 14; ' +
        'the last row at the bottom and the last column at the right of the padded input are never read.',
    ]);
    expect(
      flooredSentences([
        { input: 28, kernel: 4, stride: 3, pad: 0 },
        { input: 29, kernel: 4, stride: 3, pad: 0 },
      ]),
    ).toEqual([
      'Width: (29 − 4 + 2·0) / 3 = 8.3333 is not whole, so frameworks floor it, giving 9; ' +
        'the last column at the right of the padded input is never read.',
    ]);
    expect(noPaddingSentences(square(32, 5, 2, 0), convFixOptions)).toEqual([
      'No padding makes it whole: 32 − 5 + 2P is odd for every P, and stride 2 needs an even number.',
    ]);
  });
});

describe('formulas with the numbers substituted', () => {
  it('counts conv parameters as (F·F·D + 1)·K: LeNet C1 156, C3 2416', () => {
    expect(convParamCountTex([5, 5], 1, 6, true)).toEqual({
      rule: '(F \\cdot F \\cdot D + 1) \\cdot K',
      worked: '(5 \\cdot 5 \\cdot 1 + 1) \\cdot 6 = 26 \\cdot 6 = 156',
      count: 156,
    });
    expect(convParamCountTex([5, 5], 6, 16, true).count).toBe(2416);
    expect(convParamCountTex([3, 1], 2, 4, false)).toMatchObject({
      rule: 'F_h \\cdot F_w \\cdot D \\cdot K',
      count: 24,
    });
    expect(denseParamCountTex(2, 2, true).worked).toBe('(2 + 1) \\cdot 2 = 6');
    expect(ruleThenNumbers('p', 'a', 'b')).toBe('\\begin{aligned} p &= a \\\\ &= b \\end{aligned}');
  });

  it("works out the worked example's first hidden unit: 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775", () => {
    const W = { shape: [2, 2], data: [0.15, 0.25, 0.2, 0.3] };
    const b = { shape: [2], data: [0.35, 0.35] };
    expect(denseUnitTex(W, b)).toBe('y_1 = 0.15\\,x_{1} + 0.2\\,x_{2} + 0.35');
    expect(denseUnitTex(W, b, [0.05, 0.1])).toBe(
      '\\begin{aligned} y_1 &= 0.15\\,x_{1} + 0.2\\,x_{2} + 0.35 \\\\ ' +
        '&= 0.15 \\cdot 0.05 + 0.2 \\cdot 0.1 + 0.35 \\\\ &= 0.3775 \\end{aligned}',
    );
    expect(denseUnitTex({ shape: [16, 2], data: new Array(32).fill(0.1) }, undefined)).toBeUndefined();
  });

  it('puts negative numbers in parentheses and tiny ones in powers of ten', () => {
    expect(denseUnitTex({ shape: [1, 1], data: [-2] }, { shape: [1], data: [3] }, [-1])).toBe(
      '\\begin{aligned} y_1 &= (-2)\\,x_{1} + 3 \\\\ &= (-2) \\cdot (-1) + 3 \\\\ &= 5 \\end{aligned}',
    );
    expect(texNumber(0.000123)).toBe('1.230 \\times 10^{-4}');
  });

  it("gives f and f' at a value: sigmoid(0.3775) = 0.5933, slope 0.2413", () => {
    const sigmoid = activationCurve('sigmoid');
    if (!sigmoid) throw new Error('no sigmoid curve');
    expect(activationAtTex(sigmoid, 0.3775)).toEqual({
      value: '\\sigma(0.3775) = 0.5933',
      slope: "\\sigma'(0.3775) = 0.2413",
    });
    expect(activationCurve('relu')?.slope(0)).toBe(0);
    expect(activationCurve('leaky_relu', { alpha: 0.2 })?.f(-1)).toBeCloseTo(-0.2);
    expect(activationCurve('softmax')).toBeUndefined();
  });

  it('shades where the slope drops below the threshold: sigmoid beyond 4.58, tanh beyond 2.99', () => {
    const sigmoid = saturationBound('sigmoid', 0.01) ?? 0;
    const tanh = saturationBound('tanh', 0.01) ?? 0;
    expect(sigmoid).toBeCloseTo(4.585, 3);
    expect(tanh).toBeCloseTo(2.993, 3);
    expect(activationCurve('sigmoid')?.slope(sigmoid)).toBeCloseTo(0.01, 10);
    expect(activationCurve('tanh')?.slope(tanh)).toBeCloseTo(0.01, 10);
    expect(saturationBound('relu')).toBeUndefined();
  });
});

describe('preferences and templates', () => {
  it("keeps core's gradient-flow defaults", () => {
    expect(DEFAULT_THRESHOLDS).toEqual(gradientFlowDefaults);
  });

  it('reads saved thresholds back, each one falling back to its default when unusable', () => {
    const saved = new Map<string, string>();
    const storage = {
      getItem: (k: string) => saved.get(k) ?? null,
      setItem: (k: string, v: string) => saved.set(k, v),
    };
    expect(readThresholds(storage)).toEqual(DEFAULT_THRESHOLDS);
    saveThresholds({ vanishingRatio: 1e-4, explodingFactor: 4 }, storage);
    expect(readThresholds(storage)).toEqual({ vanishingRatio: 1e-4, explodingFactor: 4 });
    saved.set([...saved.keys()][0], JSON.stringify({ vanishingRatio: -1, explodingFactor: 0.5 }));
    expect(readThresholds(storage)).toEqual(DEFAULT_THRESHOLDS);
  });

  it('puts every template under a concept, each once', () => {
    const groups = groupByConcept(examples);
    const files = groups.flatMap((g) => g.examples.map((e) => e.fileName));
    expect([...files].sort()).toEqual(examples.map((e) => e.fileName).sort());
    expect(groups.map((g) => g.concept.id)).not.toContain('more');
    expect(groups.find((g) => g.concept.id === 'gradients')?.examples.map((e) => e.fileName)).toEqual([
      'deep-sigmoid-vanishing.json',
      'deep-relu-he.json',
      'exploding.json',
      'residual-mlp.json',
    ]);
  });
});
