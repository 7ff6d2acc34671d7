import { describe, expect, it } from 'vitest';
import { channelMaps, deadUnits, saturation, slope, Tensor } from '../../../src/core';

describe('saturation', () => {
  it('counts sigmoid inputs whose slope s(1 - s) is below the threshold', () => {
    // Slopes: 0.25, 0.105, 0.0066, 0.0066, 4.5e-5; below 0.01 from |net| > 4.6.
    const net = Tensor.fromArray([5], [0, 2, 5, -5, 10]);
    expect(saturation('sigmoid', net)).toEqual({ saturated: 3, total: 5, share: 0.6, threshold: 0.01 });
    expect(saturation('sigmoid', net, 0.2).saturated).toBe(4);
  });

  it('counts tanh inputs whose slope 1 - tanh^2 is below the threshold', () => {
    // Slopes: 1, 0.071, 0.0099, 0.0099: below 0.01 from |net| > 2.99.
    const net = Tensor.fromArray([2, 2], [0, 2, 3, -3]);
    expect(saturation('tanh', net).saturated).toBe(2);
    expect(slope('tanh', 0)).toBe(1);
    expect(slope('sigmoid', 0)).toBe(0.25);
  });

  it('does not count NaN as saturated', () => {
    expect(saturation('tanh', Tensor.fromArray([1], [Number.NaN])).saturated).toBe(0);
  });
});

describe('deadUnits', () => {
  it('finds the units that are 0 for every sample of the batch', () => {
    // Unit 0 fires for sample 1, unit 1 never, unit 2 for sample 0, unit 3 never.
    const out = Tensor.fromArray([2, 4], [0, 0, 0.5, 0, 1.2, 0, 0, 0]);
    expect(deadUnits(out)).toEqual({ dead: [1, 3], units: 4, share: 0.5 });
  });

  it('treats every position of a conv map as a unit', () => {
    const out = Tensor.fromArray([2, 1, 1, 2], [0, 1, 0, 0]);
    expect(deadUnits(out)).toEqual({ dead: [0], units: 2, share: 0.5 });
  });
});

describe('channelMaps', () => {
  it('cuts one sample of [N, C, H, W] into per-channel maps with their ranges', () => {
    const t = Tensor.fromArray(
      [2, 2, 2, 2],
      Array.from({ length: 16 }, (_, i) => i),
    );
    const maps = channelMaps(t, 1);
    expect(maps.map((m) => [m.channel, m.height, m.width, Array.from(m.values), m.min, m.max])).toEqual([
      [0, 2, 2, [8, 9, 10, 11], 8, 11],
      [1, 2, 2, [12, 13, 14, 15], 12, 15],
    ]);
  });

  it('refuses tensors that are not [N, C, H, W] and samples outside the batch', () => {
    expect(() => channelMaps(Tensor.zeros([2, 3]))).toThrow(/rank 2/);
    expect(() => channelMaps(Tensor.zeros([1, 1, 2, 2]), 1)).toThrow(/outside the batch/);
  });
});
