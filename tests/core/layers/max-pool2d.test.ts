import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ShapeError } from '../../../src/core/layers/kind';
import { maxPool2dKind } from '../../../src/core/layers/max-pool2d';
import { poolWindow } from '../../../src/core/layers/pool';
import { Tensor } from '../../../src/core/tensor/tensor';
import { tfMaxPool, tfReady } from '../reference/tfjs';
import {
  backend,
  expectCloseToReference,
  expectGradientsMatch,
  forwardBackward,
  parseConfig,
  randomTensor,
  reportWorst,
  seeded,
} from './helpers';
import { poolCases } from './pool-cases';

afterAll(() => reportWorst('max_pool2d'));

describe('max_pool2d against central differences (float64)', () => {
  poolCases.forEach((c, i) => {
    it(`${c.label}: ${JSON.stringify(c.config)} on [${c.input}]`, () => {
      const config = parseConfig(maxPool2dKind, c.config);
      expect(maxPool2dKind.outputShape(config, [c.input], { batch: c.input[0] })).toEqual(c.output);
      // Random values, fixed seeds: a near tie within the finite-difference step would break the check, and none occurs.
      const x = randomTensor(c.input, seeded(20 + i));
      expect(expectGradientsMatch(maxPool2dKind, config, x, {})).toBeLessThan(1e-5);
    });
  });

  it('handles an all-negative window next to padding (padding never wins)', () => {
    const config = parseConfig(maxPool2dKind, { window: 3, stride: 2, padding: 1 });
    const x = randomTensor([1, 2, 5, 5], seeded(3), 'float64', -2, -1);
    const { output } = maxPool2dKind.forward(backend, config, [x], {}, { training: true });
    expect(Math.max(...output.data)).toBeLessThan(-1);
    expect(expectGradientsMatch(maxPool2dKind, config, x, {})).toBeLessThan(1e-5);
  });
});

describe('max_pool2d against TensorFlow.js (float32)', () => {
  beforeAll(async () => {
    await tfReady();
  });
  poolCases.forEach((c, i) => {
    it(c.label, () => {
      const rng = seeded(200 + i);
      const config = parseConfig(maxPool2dKind, c.config);
      const x = randomTensor(c.input, rng, 'float32');
      const r = randomTensor(c.output, rng, 'float32');
      const ours = forwardBackward(maxPool2dKind, config, x, {}, r);
      const ref = tfMaxPool(x, r, { window: c.config.window, stride: c.config.stride, padding: config.padding });
      expectCloseToReference('y', ours.y, ref.y);
      expectCloseToReference('dx', ours.dx, ref.dx);
    });
  });
});

describe('max_pool2d by hand', () => {
  it('keeps each window maximum, channel by channel, and routes the gradient to the first maximum on ties', () => {
    const config = parseConfig(maxPool2dKind, { window: 2 });
    const x = Tensor.fromNested(
      [
        [
          [
            [1, 3, 2, 2],
            [3, 0, 2, 2],
          ],
          [
            [-1, -2, 5, 4],
            [-3, -4, 6, 7],
          ],
        ],
      ],
      'float64',
    );
    const dy = Tensor.fromNested([[[[10, 20]], [[30, 40]]]], 'float64');
    const ours = forwardBackward(maxPool2dKind, config, x, {}, dy);
    expect(ours.y.toNested()).toEqual([[[[3, 2]], [[-1, 7]]]]);
    expect(ours.dx.toNested()).toEqual([
      [
        [
          [0, 10, 20, 0],
          [0, 0, 0, 0],
        ],
        [
          [30, 0, 0, 0],
          [0, 0, 0, 40],
        ],
      ],
    ]);
  });
});

describe('max_pool2d shape rule', () => {
  const shapeOf = (raw: Record<string, unknown>, input: number[]) =>
    maxPool2dKind.outputShape(parseConfig(maxPool2dKind, raw), [input], { batch: input[0] });

  it('keeps the depth and uses the window as the default stride', () => {
    expect(shapeOf({ window: 2 }, [4, 6, 28, 28])).toEqual([4, 6, 14, 14]);
    expect(shapeOf({ window: 3, stride: 1 }, [1, 2, 5, 5])).toEqual([1, 2, 3, 3]);
  });

  it('rejects a window larger than the padded input', () => {
    expect(() => shapeOf({ window: 3 }, [1, 1, 2, 5])).toThrow(ShapeError);
    expect(() => shapeOf({ window: 3 }, [1, 1, 2, 5])).toThrow(
      'Max pooling: kernel height 3 is larger than the padded input height 2 + 0 = 2',
    );
  });

  it('rejects padding of more than half the window', () => {
    expect(() => shapeOf({ window: 2, padding: 2 }, [1, 1, 6, 6])).toThrow(/more than half the window/);
  });

  it('flags a floored size', () => {
    const config = parseConfig(maxPool2dKind, { window: 2 });
    const window = poolWindow('Max pooling', config, [1, 1, 5, 4]);
    expect(window.height).toMatchObject({ size: 2, exact: false, uncovered: 1 });
    expect(window.notes).toHaveLength(1);
    expect(window.notes[0]).toMatch(
      /^height: .* floored, H2 = floor\(\(5 - 2 \+ 2·0\) \/ 2\) \+ 1 = floor\(1.5\) \+ 1 = 2/,
    );
  });

  it('describes itself', () => {
    expect(maxPool2dKind.describe(parseConfig(maxPool2dKind, { window: 2 }))).toBe('2×2, stride 2');
    expect(maxPool2dKind.describe(parseConfig(maxPool2dKind, { window: 3, stride: 2, padding: 'same' }))).toBe(
      '3×3, stride 2, same',
    );
  });
});
