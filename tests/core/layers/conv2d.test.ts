import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conv2dKind, conv2dWindow } from '../../../src/core/layers/conv2d';
import { ShapeError } from '../../../src/core/layers/kind';
import { Tensor } from '../../../src/core/tensor/tensor';
import { tfConv2d, tfReady } from '../reference/tfjs';
import {
  backend,
  expectCloseToReference,
  expectGradientsMatch,
  forwardBackward,
  parseConfig,
  randomParams,
  randomTensor,
  reportWorst,
  seeded,
} from './helpers';

interface ConvCase {
  label: string;
  input: number[];
  config: Record<string, unknown>;
  output: number[];
}

const cases: ConvCase[] = [
  { label: '1 channel, 3x3, batch 1', input: [1, 1, 5, 5], config: { filters: 1, kernel: 3 }, output: [1, 1, 3, 3] },
  {
    label: 'multi-channel in and out, rectangular kernel, stride 2x1, padding 1',
    input: [2, 3, 7, 6],
    config: { filters: 4, kernel: [3, 2], stride: [2, 1], padding: 1 },
    output: [2, 4, 4, 7],
  },
  {
    label: '"same", stride 2, odd and even sizes (asymmetric padding)',
    input: [3, 2, 8, 9],
    config: { filters: 3, kernel: 3, stride: 2, padding: 'same' },
    output: [3, 3, 4, 5],
  },
  {
    label: '"same" with an even kernel',
    input: [1, 3, 5, 4],
    config: { filters: 2, kernel: 2, padding: 'same' },
    output: [1, 2, 5, 4],
  },
  {
    label: 'non-integer (W1 - F + 2P) / S floored, no bias',
    input: [2, 2, 6, 5],
    config: { filters: 2, kernel: 4, stride: 3, bias: false },
    output: [2, 2, 1, 1],
  },
  {
    label: '1x3 kernel, padding [0, 1], stride 2, odd sizes',
    input: [2, 1, 5, 7],
    config: { filters: 3, kernel: [1, 3], stride: 2, padding: [0, 1] },
    output: [2, 3, 3, 4],
  },
  {
    label: 'kernel larger than the input but not the padded input',
    input: [1, 2, 3, 3],
    config: { filters: 2, kernel: 5, padding: 1 },
    output: [1, 2, 1, 1],
  },
];

afterAll(() => reportWorst('conv2d'));

describe('conv2d against central differences (float64)', () => {
  cases.forEach((c, i) => {
    it(`${c.label}: ${JSON.stringify(c.config)} on [${c.input}]`, () => {
      const rng = seeded(10 + i);
      const config = parseConfig(conv2dKind, c.config);
      const x = randomTensor(c.input, rng);
      const params = randomParams(conv2dKind, config, c.input, rng, 'float64');
      expect(conv2dKind.outputShape(config, [c.input], { batch: c.input[0] })).toEqual(c.output);
      expect(expectGradientsMatch(conv2dKind, config, x, params)).toBeLessThan(1e-5);
    });
  });
});

describe('conv2d against TensorFlow.js (float32)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  cases.forEach((c, i) => {
    it(`${c.label}`, () => {
      const rng = seeded(100 + i);
      const config = parseConfig(conv2dKind, c.config);
      const x = randomTensor(c.input, rng, 'float32');
      const params = randomParams(conv2dKind, config, c.input, rng, 'float32');
      const r = randomTensor(c.output, rng, 'float32');
      const ours = forwardBackward(conv2dKind, config, x, params, r);
      const bias = params.b ?? Tensor.zeros([params.W.shape[0]], 'float32');
      const ref = tfConv2d(x, params.W, bias, r, config.stride, config.padding);
      expectCloseToReference('y', ours.y, ref.y);
      expectCloseToReference('dx', ours.dx, ref.dx);
      expectCloseToReference('dW', ours.dParams.W, ref.dW);
      if (params.b) expectCloseToReference('db', ours.dParams.b, ref.db);
      else expect(ours.dParams.b).toBeUndefined();
    });
  });
});

describe('conv2d by hand', () => {
  it('a vertical-edge filter on a 5x5 image gives the textbook 3x3 map', () => {
    const config = parseConfig(conv2dKind, { filters: 1, kernel: 3 });
    const image = Tensor.fromNested([
      [
        [
          [0, 0, 1, 1, 1],
          [0, 0, 1, 1, 1],
          [0, 0, 1, 1, 1],
          [0, 0, 1, 1, 1],
          [0, 0, 1, 1, 1],
        ],
      ],
    ]);
    const W = Tensor.fromNested([
      [
        [
          [-1, 0, 1],
          [-1, 0, 1],
          [-1, 0, 1],
        ],
      ],
    ]);
    const b = Tensor.fromArray([1], [0.5]);
    const { output } = conv2dKind.forward(backend, config, [image], { W, b }, { training: false });
    expect(output.toNested()).toEqual([
      [
        [
          [3.5, 3.5, 0.5],
          [3.5, 3.5, 0.5],
          [3.5, 3.5, 0.5],
        ],
      ],
    ]);
  });

  it('has (F * F * D + 1) * K parameters, whatever the input size', () => {
    const config = parseConfig(conv2dKind, { filters: 16, kernel: 5 });
    for (const input of [
      [1, 6, 14, 14],
      [8, 6, 30, 20],
    ]) {
      const specs = conv2dKind.paramSpecs(config, [input]);
      expect(specs.W.shape).toEqual([16, 6, 5, 5]);
      expect(specs.b.shape).toEqual([16]);
      expect(16 * 6 * 25 + 16).toBe((5 * 5 * 6 + 1) * 16);
    }
    expect(
      conv2dKind.paramSpecs(parseConfig(conv2dKind, { filters: 2, kernel: 3, bias: false }), [[1, 1, 4, 4]]),
    ).toEqual({
      W: { shape: [2, 1, 3, 3], init: 'glorot_uniform' },
    });
  });
});

describe('conv2d shape rule', () => {
  const shapeOf = (raw: Record<string, unknown>, input: number[]) =>
    conv2dKind.outputShape(parseConfig(conv2dKind, raw), [input], { batch: input[0] });

  it('plugs the numbers into W2 = (W1 - F + 2P) / S + 1', () => {
    expect(shapeOf({ filters: 6, kernel: 5, padding: 2 }, [1, 1, 28, 28])).toEqual([1, 6, 28, 28]);
    expect(shapeOf({ filters: 1, kernel: 3, stride: 2 }, [1, 1, 7, 7])).toEqual([1, 1, 3, 3]);
    const window = conv2dWindow(parseConfig(conv2dKind, { filters: 6, kernel: 5, padding: 2 }), [1, 1, 28, 28]);
    expect(window.height.formula).toBe('(28 - 5 + 2·2) / 1 + 1 = 28');
    expect(window.notes).toEqual([]);
  });

  it('rejects a kernel larger than the padded input, in the user numbers', () => {
    expect(() => shapeOf({ filters: 1, kernel: 5 }, [1, 1, 3, 8])).toThrow(ShapeError);
    expect(() => shapeOf({ filters: 1, kernel: 5 }, [1, 1, 3, 8])).toThrow(
      'Conv2D: kernel height 5 is larger than the padded input height 3 + 0 = 3',
    );
    expect(() => shapeOf({ filters: 1, kernel: [1, 4], padding: [0, 0] }, [1, 1, 3, 3])).toThrow(/kernel width 4/);
  });

  it('floors a non-integer (W1 - F + 2P) / S and says so in notes', () => {
    const config = parseConfig(conv2dKind, { filters: 1, kernel: 3, stride: 2 });
    const window = conv2dWindow(config, [1, 1, 8, 7]);
    expect(window.height).toMatchObject({ size: 3, exact: false, uncovered: 1 });
    expect(window.height.formula).toBe('floor((8 - 3 + 2·0) / 2) + 1 = floor(2.5) + 1 = 3');
    expect(window.width).toMatchObject({ size: 3, exact: true });
    expect(window.notes).toHaveLength(1);
    expect(window.notes[0]).toContain('floored');
    expect(window.notes[0]).toContain('the last 1 row at the bottom');
  });

  it('needs a rank-4 input', () => {
    expect(() => shapeOf({ filters: 1, kernel: 3 }, [1, 28, 28])).toThrow(
      /rank-4 input \[batch, channels, height, width\]/,
    );
  });

  it('describes itself and writes its formula with the stride and padding', () => {
    const config = parseConfig(conv2dKind, { filters: 6, kernel: 5, stride: 2, padding: 1 });
    expect(conv2dKind.describe(config)).toBe('6 filters 5×5, stride 2, pad 1');
    expect(conv2dKind.formula(config).forward).toContain('x_{n,d,\\,2i + m - 1,\\,2j + l - 1}');
  });
});
