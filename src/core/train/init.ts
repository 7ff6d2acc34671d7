import type { InitName } from '../layers/kind';
import type { Shape } from '../tensor/shape';
import { type DType, Tensor } from '../tensor/tensor';
import type { Rng } from './rng';

/** fan_in and fan_out as Keras computes them: the last axis is fan_out for dense weights [in, out]; conv weights [out, in, kh, kw]. */
export function fans(shape: Shape): { fanIn: number; fanOut: number } {
  if (shape.length === 2) return { fanIn: shape[0], fanOut: shape[1] };
  if (shape.length > 2) {
    const receptive = shape.slice(2).reduce((a, b) => a * b, 1);
    return { fanIn: shape[1] * receptive, fanOut: shape[0] * receptive };
  }
  const n = shape.length === 1 ? shape[0] : 1;
  return { fanIn: n, fanOut: n };
}

export function initialise(init: InitName, shape: Shape, rng: Rng, dtype: DType): Tensor {
  const t = Tensor.zeros(shape, dtype);
  if (init === 'glorot_uniform') {
    const { fanIn, fanOut } = fans(shape);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform(-limit, limit);
  }
  return t;
}
