import { describe, expect, it } from 'vitest';
import { applyScaler, fitScaler, ScalingError } from '../../../src/core/data/scaling';
import { Tensor } from '../../../src/core/tensor/tensor';

describe('input scaling', () => {
  const features = Tensor.fromArray([4, 2], [1, 7, 2, 7, 3, 7, 6, 7], 'float64');

  it('fits on one set and applies the same numbers to another', () => {
    const scaler = fitScaler(features, 'min_max');
    expect(scaler.shift).toEqual([1, 7]);
    const other = applyScaler(Tensor.fromArray([1, 2], [11, 8], 'float64'), scaler);
    expect(Array.from(other.data)).toEqual([2, 1]);
  });

  it('z-score gives mean 0 and population deviation 1; a constant feature becomes 0', () => {
    const z = applyScaler(features, fitScaler(features, 'z_score'));
    const column = [0, 1, 2, 3].map((i) => z.data[2 * i]);
    const mean = column.reduce((a, b) => a + b, 0) / 4;
    expect(mean).toBeCloseTo(0, 12);
    expect(column.reduce((a, b) => a + b * b, 0) / 4).toBeCloseTo(1, 12);
    expect([0, 1, 2, 3].map((i) => z.data[2 * i + 1])).toEqual([0, 0, 0, 0]);
    const sym = applyScaler(features, fitScaler(features, 'min_max_symmetric'));
    expect([sym.data[0], sym.data[6], sym.data[1]]).toEqual([-1, 1, 0]);
  });

  it('log needs values above -1 and says which', () => {
    const bad = Tensor.fromArray([2, 1], [0, -2]);
    let error: unknown;
    try {
      applyScaler(bad, fitScaler(bad, 'log'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ScalingError);
    expect([(error as ScalingError).row, (error as ScalingError).feature]).toEqual([1, 0]);
  });
});
