import type { Schedule } from './schedule';

/**
 * TensorFlow's PiecewiseConstantDecay: values[0] while t <= boundaries[0], values[i] while
 * boundaries[i-1] < t <= boundaries[i], the last value after the last boundary.
 */
export function piecewiseConstant(boundaries: readonly number[], values: readonly number[]): Schedule {
  if (values.length !== boundaries.length + 1) {
    throw new Error(
      `piecewise constant needs one more value than boundaries: ${boundaries.length} boundaries, ${values.length} values`,
    );
  }
  for (let i = 1; i < boundaries.length; i++) {
    if (!(boundaries[i] > boundaries[i - 1])) throw new Error('piecewise constant boundaries must increase');
  }
  return (step) => {
    const i = boundaries.findIndex((b) => step <= b);
    return values[i === -1 ? boundaries.length : i];
  };
}
