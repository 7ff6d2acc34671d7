import { describe, expect, it } from 'vitest';
import type { InitName } from '../../../src/core/layers/kind';
import type { Shape } from '../../../src/core/tensor/shape';
import { fans, initialise, initNames } from '../../../src/core/train/init';
import { Rng } from '../../../src/core/train/rng';

function stats(values: ArrayLike<number>): { mean: number; variance: number; zeros: number; max: number } {
  let sum = 0;
  let zeros = 0;
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    sum += values[i];
    if (values[i] === 0) zeros++;
    max = Math.max(max, Math.abs(values[i]));
  }
  const mean = sum / values.length;
  let squares = 0;
  for (let i = 0; i < values.length; i++) squares += (values[i] - mean) ** 2;
  return { mean, variance: squares / values.length, zeros: zeros / values.length, max };
}

const dense: Shape = [400, 300];
const conv: Shape = [32, 16, 3, 3];

describe('initialisers', () => {
  it('constants: zeros, ones, constant(value)', () => {
    const rng = new Rng(1);
    expect(Array.from(initialise('zeros', [3], rng, 'float64').data)).toEqual([0, 0, 0]);
    expect(Array.from(initialise('ones', [3], rng, 'float64').data)).toEqual([1, 1, 1]);
    expect(Array.from(initialise({ name: 'constant', value: 0.01 }, [2], rng, 'float64').data)).toEqual([0.01, 0.01]);
  });

  const expectedVariance: [InitName, Shape, number][] = [
    ['small_random', dense, 0.01 ** 2],
    ['calibrated', dense, 1 / 400],
    ['glorot_uniform', dense, 2 / 700], // limit^2 / 3 = 6 / 700 / 3
    ['glorot_normal', dense, 2 / 700],
    ['he_uniform', dense, 2 / 400],
    ['he_normal', dense, 2 / 400],
    ['he_normal', conv, 2 / (16 * 9)],
    ['glorot_uniform', conv, 2 / (16 * 9 + 32 * 9)],
  ];
  for (const [name, shape, variance] of expectedVariance) {
    it(`${name} ${JSON.stringify(shape)}: mean 0, variance ${variance.toPrecision(3)}`, () => {
      const s = stats(initialise(name, shape, new Rng(5), 'float64').data);
      expect(Math.abs(s.mean)).toBeLessThan(0.02 * Math.sqrt(variance) * 5);
      expect(s.variance / variance).toBeGreaterThan(0.97);
      expect(s.variance / variance).toBeLessThan(1.03);
    });
  }

  it('bounds: uniform within its limit, truncated normals within two deviations', () => {
    const { fanIn, fanOut } = fans(dense);
    expect(stats(initialise('glorot_uniform', dense, new Rng(2), 'float64').data).max).toBeLessThanOrEqual(
      Math.sqrt(6 / (fanIn + fanOut)),
    );
    expect(stats(initialise('he_uniform', dense, new Rng(2), 'float64').data).max).toBeLessThanOrEqual(
      Math.sqrt(6 / fanIn),
    );
    const s = Math.sqrt(2 / fanIn) / 0.87962566103423978;
    expect(stats(initialise('he_normal', dense, new Rng(2), 'float64').data).max).toBeLessThanOrEqual(2 * s);
  });

  it('sparse: k nonzero N(0, 1) inputs per unit (dense column, conv filter)', () => {
    const w = initialise({ name: 'sparse', k: 10 }, dense, new Rng(3), 'float64');
    for (let unit = 0; unit < 300; unit++) {
      let nonzero = 0;
      for (let i = 0; i < 400; i++) if (w.data[i * 300 + unit] !== 0) nonzero++;
      expect(nonzero).toBe(10);
    }
    const nonzeroValues = Array.from(w.data).filter((v) => v !== 0);
    const s = stats(nonzeroValues);
    expect(Math.abs(s.mean)).toBeLessThan(0.05);
    expect(s.variance).toBeGreaterThan(0.93);
    expect(s.variance).toBeLessThan(1.07);
    const c = initialise('sparse', conv, new Rng(3), 'float64');
    for (let f = 0; f < 32; f++) expect(c.data.slice(f * 144, (f + 1) * 144).filter((v) => v !== 0).length).toBe(15);
    expect(stats(initialise({ name: 'sparse', k: 500 }, [4, 3], new Rng(1), 'float64').data).zeros).toBe(0);
  });

  it('every initialiser reproduces exactly from its seed', () => {
    for (const name of initNames) {
      const a = initialise(name, [20, 10], new Rng(42), 'float32');
      const b = initialise(name, [20, 10], new Rng(42), 'float32');
      expect(Array.from(a.data)).toEqual(Array.from(b.data));
    }
    expect(Array.from(initialise('he_normal', [5], new Rng(1), 'float64').data)).not.toEqual(
      Array.from(initialise('he_normal', [5], new Rng(2), 'float64').data),
    );
  });
});
