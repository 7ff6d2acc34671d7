import { formatShape, sizeOf } from '../../tensor/shape';
import { allocate, Tensor } from '../../tensor/tensor';

// Every tensor is [outer, its own block]: the axes before `axis` form outer, the rest one block.
function blockSize(shape: readonly number[], axis: number): number {
  return sizeOf(shape.slice(axis));
}

export function concat(xs: Tensor[], axis: number): Tensor {
  const first = xs[0];
  if (!first) throw new Error('concat needs at least one tensor');
  const outer = sizeOf(first.shape.slice(0, axis));
  for (const x of xs) {
    const same = x.shape.length === first.shape.length && x.shape.every((d, a) => a === axis || d === first.shape[a]);
    if (!same) {
      throw new Error(`concat along axis ${axis}: ${formatShape(x.shape)} does not fit ${formatShape(first.shape)}`);
    }
  }
  const shape = [...first.shape];
  shape[axis] = xs.reduce((n, x) => n + x.shape[axis], 0);
  const blocks = xs.map((x) => blockSize(x.shape, axis));
  const rowSize = blocks.reduce((a, b) => a + b, 0);
  const out = allocate(first.dtype, outer * rowSize);
  for (let o = 0; o < outer; o++) {
    let at = o * rowSize;
    xs.forEach((x, k) => {
      out.set(x.data.subarray(o * blocks[k], (o + 1) * blocks[k]), at);
      at += blocks[k];
    });
  }
  return new Tensor(shape, out);
}

export function split(x: Tensor, sizes: readonly number[], axis: number): Tensor[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== x.shape[axis]) {
    throw new Error(`split: sizes ${formatShape(sizes)} do not add up to axis ${axis} of ${formatShape(x.shape)}`);
  }
  const outer = sizeOf(x.shape.slice(0, axis));
  const inner = sizeOf(x.shape.slice(axis + 1));
  const rowSize = total * inner;
  let offset = 0;
  return sizes.map((size) => {
    const shape = [...x.shape];
    shape[axis] = size;
    const block = size * inner;
    const out = allocate(x.dtype, outer * block);
    for (let o = 0; o < outer; o++) {
      const from = o * rowSize + offset;
      out.set(x.data.subarray(from, from + block), o * block);
    }
    offset += block;
    return new Tensor(shape, out);
  });
}
