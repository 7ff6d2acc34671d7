import { formatShape, stridesOf } from '../../tensor/shape';
import { allocate, Tensor } from '../../tensor/tensor';

/** Axes reordered: output axis a is input axis perm[a] (NHWC -> NCHW is [0, 3, 1, 2]). */
export function transpose(x: Tensor, perm: readonly number[]): Tensor {
  const rank = x.shape.length;
  const seen = new Set(perm);
  if (perm.length !== rank || seen.size !== rank || perm.some((p) => !(p >= 0 && p < rank))) {
    throw new Error(`transpose: [${perm}] is not a permutation of the axes of ${formatShape(x.shape)}`);
  }
  const outShape = perm.map((p) => x.shape[p]);
  const inStrides = stridesOf(x.shape);
  // How far the read position moves in x for one step along each output axis.
  const step = perm.map((p) => inStrides[p]);
  const out = allocate(x.dtype, x.size);
  const X = x.data;
  const index = new Array<number>(rank).fill(0);
  let src = 0;
  for (let o = 0; o < out.length; o++) {
    out[o] = X[src];
    for (let a = rank - 1; a >= 0; a--) {
      index[a]++;
      src += step[a];
      if (index[a] < outShape[a]) break;
      src -= step[a] * outShape[a];
      index[a] = 0;
    }
  }
  return new Tensor(outShape, out);
}
