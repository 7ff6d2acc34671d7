import { formatShape, sizeOf } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { type GpuContext, groups1d } from './context';

/**
 * Both ops see every tensor as [outer, block]: the axes before `axis` form outer, the rest one
 * block, and the joined tensor's row of length rowSize holds each piece's block at its offset.
 * One dispatch per piece copies between a piece and its stripe of the joined tensor.
 */
function stripeCopy(toJoined: boolean): string {
  const [pieceIndex, joinedIndex] = ['o * p.block + j', 'o * p.rowSize + p.offset + j'];
  const [from, to] = toJoined ? [pieceIndex, joinedIndex] : [joinedIndex, pieceIndex];
  return /* wgsl */ `
@group(0) @binding(0) var<storage, read> src: array<f32>;
@group(0) @binding(1) var<storage, read_write> dst: array<f32>;
struct Params { n: u32, block: u32, rowSize: u32, offset: u32 }
@group(0) @binding(2) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  let o = i / p.block;
  let j = i % p.block;
  dst[${to}] = src[${from}];
}`;
}

const TO_JOINED = stripeCopy(true);
const FROM_JOINED = stripeCopy(false);

function copyStripe(ctx: GpuContext, toJoined: boolean, src: Tensor, dst: Tensor, stripe: Stripe): void {
  const n = stripe.outer * stripe.block;
  ctx.dispatch({
    key: toJoined ? 'concat:piece' : 'split:piece',
    code: toJoined ? TO_JOINED : FROM_JOINED,
    inputs: [src],
    outputs: [dst],
    uniforms: [
      ['u32', n],
      ['u32', stripe.block],
      ['u32', stripe.rowSize],
      ['u32', stripe.offset],
    ],
    workgroups: groups1d(n),
  });
}

interface Stripe {
  outer: number;
  block: number;
  rowSize: number;
  offset: number;
}

/** Where each piece's block sits in the joined tensor's rows. */
function stripes(outer: number, blocks: readonly number[]): Stripe[] {
  const rowSize = blocks.reduce((a, b) => a + b, 0);
  let offset = 0;
  return blocks.map((block) => {
    const stripe = { outer, block, rowSize, offset };
    offset += block;
    return stripe;
  });
}

export function concat(ctx: GpuContext, xs: Tensor[], axis: number): Tensor {
  const first = xs[0];
  if (!first) throw new Error('concat needs at least one tensor');
  if (!(Number.isInteger(axis) && axis >= 0 && axis < first.shape.length)) {
    throw new Error(`concat along axis ${axis}: ${formatShape(first.shape)} has no such axis`);
  }
  for (const x of xs) {
    const same = x.shape.length === first.shape.length && x.shape.every((d, a) => a === axis || d === first.shape[a]);
    if (!same) {
      throw new Error(`concat along axis ${axis}: ${formatShape(x.shape)} does not fit ${formatShape(first.shape)}`);
    }
  }
  const shape = [...first.shape];
  shape[axis] = xs.reduce((n, x) => n + x.shape[axis], 0);
  const out = ctx.empty(shape);
  const outer = sizeOf(first.shape.slice(0, axis));
  const placed = stripes(
    outer,
    xs.map((x) => sizeOf(x.shape.slice(axis))),
  );
  xs.forEach((x, k) => {
    copyStripe(ctx, true, x, out, placed[k]);
  });
  return out;
}

export function split(ctx: GpuContext, x: Tensor, sizes: readonly number[], axis: number): Tensor[] {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total !== x.shape[axis]) {
    throw new Error(`split: sizes ${formatShape(sizes)} do not add up to axis ${axis} of ${formatShape(x.shape)}`);
  }
  const outer = sizeOf(x.shape.slice(0, axis));
  const inner = sizeOf(x.shape.slice(axis + 1));
  const placed = stripes(
    outer,
    sizes.map((size) => size * inner),
  );
  return sizes.map((size, k) => {
    const shape = [...x.shape];
    shape[axis] = size;
    const out = ctx.empty(shape);
    copyStripe(ctx, false, x, out, placed[k]);
    return out;
  });
}
