import { describe, expect, it } from 'vitest';
import type { WindowGeometry } from '../../../src/core/backend/backend';
import { spatialWindowOf } from '../../../src/core/layers/spatial-windows';
import { convOutputSize } from '../../../src/core/layers/window';
import { Tensor } from '../../../src/core/tensor/tensor';
import { backend, randomTensor, seeded } from './helpers';

function dot(a: Tensor, b: Tensor): number {
  let s = 0;
  for (let i = 0; i < a.size; i++) s += a.data[i] * b.data[i];
  return s;
}

describe('convOutputSize', () => {
  it('is the textbook formula when (W1 - F + 2P) / S is whole', () => {
    expect(convOutputSize(7, 3, 2, 0)).toMatchObject({ size: 3, exact: true, fits: true, uncovered: 0 });
    expect(convOutputSize(32, 5, 1, 2)).toMatchObject({
      size: 32,
      exact: true,
      formula: '(32 - 5 + 2·2) / 1 + 1 = 32',
    });
    expect(convOutputSize(32, 5, 1, 2).latex).toBe('\\frac{32 - 5 + 2 \\cdot 2}{1} + 1 = 32');
  });

  it('floors and flags a fraction', () => {
    const size = convOutputSize(8, 3, 2, 0);
    expect(size).toMatchObject({ size: 3, exact: false, fits: true, uncovered: 1 });
    expect(size.formula).toBe('floor((8 - 3 + 2·0) / 2) + 1 = floor(2.5) + 1 = 3');
    expect(size.latex).toContain('\\left\\lfloor');
  });

  it('writes asymmetric padding as before + after', () => {
    expect(convOutputSize(8, 3, 2, [0, 1])).toMatchObject({
      size: 4,
      exact: true,
      formula: '(8 - 3 + 0 + 1) / 2 + 1 = 4',
    });
  });

  it('reports a kernel that does not fit', () => {
    expect(convOutputSize(3, 5, 1, 0)).toMatchObject({ size: 0, fits: false, exact: false });
    expect(convOutputSize(3, 6, 2, 0).formula).toBe('(3 - 6 + 2·0) / 2 + 1 = -0.5 < 1');
    expect(convOutputSize(3, 5, 1, 1)).toMatchObject({ size: 1, fits: true, exact: true });
  });
});

describe('im2col and col2im', () => {
  const geometries: [number[], WindowGeometry][] = [
    [[2, 3, 6, 5], { kernel: [3, 2], stride: [2, 1], padBefore: [1, 0], padAfter: [1, 1] }],
    [[1, 1, 4, 4], { kernel: [2, 2], stride: [2, 2], padBefore: [0, 0], padAfter: [0, 0] }],
    [[3, 2, 5, 7], { kernel: [3, 3], stride: [1, 3], padBefore: [0, 1], padAfter: [2, 0] }],
  ];

  geometries.forEach(([shape, geometry], i) => {
    it(`col2im is the adjoint of im2col: <im2col(x), c> = <x, col2im(c)> on [${shape}]`, () => {
      const rng = seeded(50 + i);
      const x = randomTensor(shape, rng);
      const cols = backend.im2col(x, geometry, 0);
      const c = randomTensor(cols.shape, rng);
      const back = backend.col2im(c, x.shape, geometry);
      expect(back.shape).toEqual(shape);
      expect(Math.abs(dot(cols, c) - dot(x, back))).toBeLessThan(1e-10);
    });
  });

  it('lays out one window per row, channel-major, padding read as padValue', () => {
    const x = Tensor.fromNested([
      [
        [
          [1, 2],
          [3, 4],
        ],
        [
          [5, 6],
          [7, 8],
        ],
      ],
    ]);
    const geometry: WindowGeometry = { kernel: [2, 2], stride: [1, 1], padBefore: [0, 0], padAfter: [0, 1] };
    const cols = backend.im2col(x, geometry, -9);
    expect(cols.toNested()).toEqual([
      [1, 2, 3, 4, 5, 6, 7, 8],
      [2, -9, 4, -9, 6, -9, 8, -9],
    ]);
  });
});

describe('transpose', () => {
  it('moves axes: output axis a is input axis perm[a]', () => {
    const x = Tensor.fromArray(
      [2, 3, 4],
      Array.from({ length: 24 }, (_, i) => i),
    );
    const y = backend.transpose(x, [2, 0, 1]);
    expect(y.shape).toEqual([4, 2, 3]);
    for (let a = 0; a < 2; a++)
      for (let b = 0; b < 3; b++)
        for (let c = 0; c < 4; c++) expect(y.data[c * 6 + a * 3 + b]).toBe(x.data[a * 12 + b * 4 + c]);
    expect(backend.transpose(backend.transpose(x, [0, 2, 1]), [0, 2, 1]).data).toEqual(x.data);
  });

  it('rejects a perm that is not a permutation', () => {
    expect(() => backend.transpose(Tensor.zeros([2, 2]), [0, 0])).toThrow(/not a permutation/);
  });
});

describe('spatialWindowOf', () => {
  it('gives the windows and notes of conv and pooling nodes by type, and nothing for other kinds', () => {
    const conv = spatialWindowOf('conv2d', { filters: 2, kernel: 3, stride: 2 }, [1, 1, 8, 7]);
    expect(conv?.height.formula).toBe('floor((8 - 3 + 2·0) / 2) + 1 = floor(2.5) + 1 = 3');
    expect(conv?.notes).toHaveLength(1);
    expect(spatialWindowOf('max_pool2d', { window: 2 }, [1, 3, 6, 6])?.notes).toEqual([]);
    // TF's SAME: height 5 needs 1 padding row (after), width 4 needs 2 columns (one each side).
    expect(spatialWindowOf('avg_pool2d', { window: 3, padding: 'same' }, [1, 3, 5, 4])?.geometry).toEqual({
      kernel: [3, 3],
      stride: [3, 3],
      padBefore: [0, 1],
      padAfter: [1, 1],
    });
    expect(spatialWindowOf('dense', { units: 2 }, [1, 4])).toBeUndefined();
  });
});
