import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../src/core/backend/cpu';
import { sizeOf, stridesOf } from '../../src/core/tensor/shape';
import { nestedShape, Tensor } from '../../src/core/tensor/tensor';
import { fans, initialise } from '../../src/core/train/init';
import { Rng } from '../../src/core/train/rng';

const backend = createCpuBackend();

describe('Tensor', () => {
  it('converts nested arrays both ways, rank 0 to 3', () => {
    expect(Tensor.fromNested(2.5).shape).toEqual([]);
    expect(Tensor.fromNested(2.5).toNested()).toBe(2.5);
    const v = Tensor.fromNested([1, 2, 3]);
    expect(v.shape).toEqual([3]);
    expect(Array.from(v.data)).toEqual([1, 2, 3]);
    const m = [
      [1, 2, 3],
      [4, 5, 6],
    ];
    const t = Tensor.fromNested(m, 'float64');
    expect(t.shape).toEqual([2, 3]);
    expect(t.dtype).toBe('float64');
    expect(Array.from(t.data)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(t.toNested()).toEqual(m);
    const cube = [
      [
        [1, 2],
        [3, 4],
        [5, 6],
      ],
      [
        [7, 8],
        [9, 10],
        [11, 12],
      ],
    ];
    const c = Tensor.fromNested(cube);
    expect(c.shape).toEqual([2, 3, 2]);
    expect(c.data[7]).toBe(8);
    expect(c.toNested()).toEqual(cube);
    expect(stridesOf(c.shape)).toEqual([6, 2, 1]);
    expect(sizeOf(c.shape)).toBe(12);
    expect(nestedShape([[], []])).toEqual([2, 0]);
    expect(Tensor.fromNested([[], []]).size).toBe(0);
  });

  it('rejects ragged nested arrays, naming the axis', () => {
    expect(() => Tensor.fromNested([[1, 2], [3]])).toThrow(/ragged: expected 2 entries on axis 1/);
    expect(() => Tensor.fromNested([[1, 2], 3])).toThrow(/ragged: expected 2 entries on axis 1/);
    expect(() => Tensor.fromNested([1, [2]])).toThrow(/ragged: expected a number/);
    expect(() =>
      Tensor.fromNested([
        [
          [1, 2],
          [3, 4],
        ],
        [[5, 6], [7]],
      ]),
    ).toThrow(/ragged: expected 2 entries on axis 2/);
  });

  it('checks the data length against the shape', () => {
    expect(() => new Tensor([2, 3], new Float32Array(5))).toThrow(/5 values but shape \[2, 3\] needs 6/);
    expect(() => Tensor.fromArray([2], [1, 2, 3])).toThrow(/needs 2/);
  });

  it('casts between float32 and float64 (rounding to the nearest float32)', () => {
    const t = Tensor.fromArray([2], [0.1, 1 / 3], 'float64');
    expect(t.cast('float64')).toBe(t);
    const f = t.cast('float32');
    expect(f.dtype).toBe('float32');
    expect(f.data).toBeInstanceOf(Float32Array);
    expect(f.data[0]).toBe(Math.fround(0.1));
    expect(f.data[0]).not.toBe(0.1);
    expect(f.data[1]).toBe(Math.fround(1 / 3));
    const back = f.cast('float64');
    expect(back.data).toBeInstanceOf(Float64Array);
    expect(back.data[0]).toBe(Math.fround(0.1));
    // a cast copies: writing to it leaves the source alone
    back.data[0] = 7;
    expect(f.data[0]).toBe(Math.fround(0.1));
    expect(Tensor.scalar(3).toNested()).toBe(3);
    expect(Tensor.filled([2, 2], 1.5, 'float64').toNested()).toEqual([
      [1.5, 1.5],
      [1.5, 1.5],
    ]);
  });

  it('reshape shares data, clone copies it', () => {
    const t = Tensor.fromArray([2, 3], [1, 2, 3, 4, 5, 6]);
    const r = t.reshape([3, 2]);
    expect(r.toNested()).toEqual([
      [1, 2],
      [3, 4],
      [5, 6],
    ]);
    r.data[0] = 9;
    expect(t.data[0]).toBe(9);
    const c = t.clone();
    c.data[1] = -1;
    expect(t.data[1]).toBe(2);
    expect(() => t.reshape([4, 2])).toThrow('cannot reshape [2, 3] to [4, 2]: sizes differ');
  });
});

/** C = op(A) op(B) by the textbook triple loop, reading A and B through index functions. */
function naiveMatmul(
  a: (i: number, p: number) => number,
  b: (p: number, j: number) => number,
  m: number,
  k: number,
  n: number,
): number[] {
  const c: number[] = [];
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let p = 0; p < k; p++) s += a(i, p) * b(p, j);
      c.push(s);
    }
  }
  return c;
}

function randomTensor(shape: number[], rng: Rng, zeroEvery = 0): Tensor {
  const t = Tensor.zeros(shape, 'float64');
  for (let i = 0; i < t.size; i++) t.data[i] = zeroEvery && i % zeroEvery === 0 ? 0 : rng.uniform(-2, 2);
  return t;
}

describe('cpu matmul', () => {
  const m = 7;
  const k = 5;
  const n = 3;
  for (const transposeA of [false, true]) {
    for (const transposeB of [false, true]) {
      it(`matches a naive triple loop, transposeA=${transposeA} transposeB=${transposeB} (7x5 by 5x3)`, () => {
        const rng = new Rng(11 + Number(transposeA) * 2 + Number(transposeB));
        // some exact zeros exercise the kernels' skip of zero entries
        const a = randomTensor(transposeA ? [k, m] : [m, k], rng, 4);
        const b = randomTensor(transposeB ? [n, k] : [k, n], rng);
        const c = backend.matmul(a, b, transposeA, transposeB);
        expect(c.shape).toEqual([m, n]);
        const expected = naiveMatmul(
          (i, p) => (transposeA ? a.data[p * m + i] : a.data[i * k + p]),
          (p, j) => (transposeB ? b.data[j * k + p] : b.data[p * n + j]),
          m,
          k,
          n,
        );
        expect(c.data.length).toBe(expected.length);
        for (let i = 0; i < expected.length; i++) expect(c.data[i]).toBeCloseTo(expected[i], 12);
      });
    }
  }

  it('keeps the dtype and rejects mismatched inner sizes', () => {
    const a = Tensor.fromArray([2, 3], [1, 2, 3, 4, 5, 6]);
    const b = Tensor.fromArray([3, 1], [1, 1, 1]);
    const c = backend.matmul(a, b);
    expect(c.dtype).toBe('float32');
    expect(Array.from(c.data)).toEqual([6, 15]);
    expect(() => backend.matmul(a, a)).toThrow(/inner sizes differ: 3 and 2/);
    expect(() => backend.matmul(a, Tensor.zeros([3]))).toThrow(/rank-2/);
  });

  it('reductions and row-vector add', () => {
    const x = Tensor.fromArray([2, 3], [1, 2, 3, 4, 5, 6], 'float64');
    expect(Array.from(backend.sumColumns(x).data)).toEqual([5, 7, 9]);
    expect(backend.sum(x).data[0]).toBe(21);
    expect(backend.sum(x).shape).toEqual([]);
    expect(backend.addRowVector(x, Tensor.fromArray([3], [10, 20, 30], 'float64')).toNested()).toEqual([
      [11, 22, 33],
      [14, 25, 36],
    ]);
    const y = x.clone();
    backend.axpy(y, -2, x);
    expect(Array.from(y.data)).toEqual([-1, -2, -3, -4, -5, -6]);
    expect(() => backend.add(x, Tensor.zeros([3, 2], 'float64'))).toThrow(/shapes differ/);
  });
});

describe('Rng', () => {
  it('gives the same sequence for the same seed and another for another seed', () => {
    const a = new Rng(42);
    const b = new Rng(42);
    const c = new Rng(43);
    const sa = Array.from({ length: 20 }, () => a.next());
    const sb = Array.from({ length: 20 }, () => b.next());
    const sc = Array.from({ length: 20 }, () => c.next());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    for (const v of sa) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThan(1);
    }
    const na = new Rng(5);
    const nb = new Rng(5);
    expect(Array.from({ length: 9 }, () => na.normal())).toEqual(Array.from({ length: 9 }, () => nb.normal()));
  });

  it('draws uniform values with mean 1/2 and variance 1/12 (100k draws)', () => {
    const rng = new Rng(2024);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let low = 0;
    for (let i = 0; i < n; i++) {
      const v = rng.next();
      sum += v;
      sq += v * v;
      if (v < 0.25) low++;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.005);
    expect(Math.abs(sq / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
    expect(Math.abs(low / n - 0.25)).toBeLessThan(0.006);
    const u = new Rng(3);
    for (let i = 0; i < 1000; i++) {
      const v = u.uniform(-3, 5);
      expect(v).toBeGreaterThanOrEqual(-3);
      expect(v).toBeLessThan(5);
    }
  });

  it('draws normal values with mean 0 and variance 1 (100k draws)', () => {
    const rng = new Rng(7);
    const n = 100_000;
    let sum = 0;
    let sq = 0;
    let within1 = 0;
    for (let i = 0; i < n; i++) {
      const v = rng.normal();
      sum += v;
      sq += v * v;
      if (Math.abs(v) < 1) within1++;
    }
    const mean = sum / n;
    expect(Math.abs(mean)).toBeLessThan(0.015);
    expect(Math.abs(sq / n - mean * mean - 1)).toBeLessThan(0.02);
    // P(|Z| < 1) = 0.6827
    expect(Math.abs(within1 / n - 0.6827)).toBeLessThan(0.006);
  });
});

describe('initialisers', () => {
  it('Glorot uniform stays within sqrt(6 / (fan_in + fan_out)) and fills that range', () => {
    const shape = [7, 5];
    const t = initialise('glorot_uniform', shape, new Rng(1), 'float64');
    const limit = Math.sqrt(6 / (7 + 5));
    let max = 0;
    let sum = 0;
    for (const v of t.data) {
      expect(Math.abs(v)).toBeLessThanOrEqual(limit);
      max = Math.max(max, Math.abs(v));
      sum += v;
    }
    expect(max).toBeGreaterThan(0.8 * limit);
    expect(Math.abs(sum / t.size)).toBeLessThan(0.25 * limit);
    // a large tensor: variance of U(-l, l) is l^2 / 3
    const big = initialise('glorot_uniform', [300, 200], new Rng(2), 'float32');
    const bigLimit = Math.sqrt(6 / 500);
    let sq = 0;
    let bigMax = 0;
    for (const v of big.data) {
      bigMax = Math.max(bigMax, Math.abs(v));
      sq += v * v;
    }
    expect(bigMax).toBeLessThanOrEqual(bigLimit);
    expect(sq / big.size).toBeCloseTo((bigLimit * bigLimit) / 3, 4);
    expect(big.dtype).toBe('float32');
  });

  it('the same seed gives the same weights; zeros gives zeros', () => {
    const a = initialise('glorot_uniform', [3, 4], new Rng(9), 'float32');
    const b = initialise('glorot_uniform', [3, 4], new Rng(9), 'float32');
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    const z = initialise('zeros', [4], new Rng(9), 'float64');
    expect(Array.from(z.data)).toEqual([0, 0, 0, 0]);
  });

  it('fans follow Keras: dense [in, out], conv [out, in, kh, kw]', () => {
    expect(fans([7, 5])).toEqual({ fanIn: 7, fanOut: 5 });
    expect(fans([8, 3, 5, 5])).toEqual({ fanIn: 75, fanOut: 200 });
    expect(fans([6])).toEqual({ fanIn: 6, fanOut: 6 });
  });
});
