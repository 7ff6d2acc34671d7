import { describe, expect, it } from 'vitest';
import { combineMagnitudes, histogram, magnitude, valueStats } from '../../../src/core';

describe('valueStats', () => {
  it('gives mean, population std, min and max', () => {
    const s = valueStats([2, 4, 4, 4, 5, 5, 7, 9]);
    expect(s).toEqual({ count: 8, mean: 5, std: 2, min: 2, max: 9, nonFinite: 0 });
  });

  it('counts non-finite values and leaves them out of the rest', () => {
    const s = valueStats([1, Number.NaN, 3, Number.POSITIVE_INFINITY]);
    expect(s).toMatchObject({ count: 2, mean: 2, std: 1, min: 1, max: 3, nonFinite: 2 });
  });

  it('keeps its precision for values far from zero (no one-pass cancellation)', () => {
    const s = valueStats(Float32Array.from([1e4 + 1, 1e4 - 1]));
    expect(s.std).toBe(1);
  });
});

describe('histogram', () => {
  it('spreads values over equal bins of the data range, the maximum in the last bin', () => {
    const h = histogram([0, 1, 2, 3, 4, 5, 6, 7, 8, 10], { bins: 5 });
    expect(h).toEqual({ min: 0, max: 10, binWidth: 2, counts: [2, 2, 2, 2, 2], below: 0, above: 0 });
  });

  it('counts values outside a given range below and above', () => {
    const h = histogram([-3, -1, -0.5, 0, 0.5, 0.99, 1, 2, 5], { bins: 4, range: [-1, 1] });
    expect(h.counts).toEqual([1, 1, 1, 3]);
    expect([h.below, h.above]).toEqual([1, 2]);
    expect(h.counts.reduce((a, b) => a + b, 0) + h.below + h.above).toBe(9);
  });

  it('gives equal values a unit-wide range around them', () => {
    const h = histogram([3, 3, 3], { bins: 2 });
    expect([h.min, h.max, h.counts]).toEqual([2.5, 3.5, [0, 3]]);
  });

  it('uses 20 bins by default and refuses a bad bin count or an empty range', () => {
    expect(histogram([0, 1]).counts).toHaveLength(20);
    expect(() => histogram([1], { bins: 0 })).toThrow(/whole number of bins/);
    expect(() => histogram([1], { range: [2, 1] })).toThrow(/empty/);
  });
});

describe('magnitude', () => {
  it('gives the L2 norm, mean absolute value and root mean square', () => {
    expect(magnitude([3, -4])).toEqual({ size: 2, norm: 5, meanAbs: 3.5, rms: 5 / Math.sqrt(2), nonFinite: 0 });
  });

  it('combines tensors as one vector', () => {
    const both = combineMagnitudes([magnitude([3]), magnitude([-4, 0, 0])]);
    expect(both).toMatchObject({ size: 4, norm: 5, meanAbs: 7 / 4, rms: 2.5 });
    expect(combineMagnitudes([])).toMatchObject({ size: 0, norm: 0, meanAbs: 0, rms: 0 });
  });

  it('counts non-finite values', () => {
    expect(magnitude([1, Number.NaN]).nonFinite).toBe(1);
  });
});
