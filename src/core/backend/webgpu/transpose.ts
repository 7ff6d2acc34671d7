import { formatShape, stridesOf } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { type GpuContext, groups1d, type Uniform } from './context';

/** Axes the general kernel handles after merging; more only arise from inputs of rank above it. */
const MAX_RANK = 6;
/** Side of the square tile the batched 2-D transpose stages in workgroup memory. */
const TILE = 16;
/** Values from which the tiled kernel is used (see transposePlan). */
const TILED_FROM = 1 << 16;

/**
 * The same transpose on fewer axes: size-1 axes dropped and runs of input axes that stay
 * neighbours in the output merged. Returns the merged input shape and the permutation of it.
 */
export function simplify(shape: readonly number[], perm: readonly number[]): { shape: number[]; perm: number[] } {
  // Input axes of size 1 dropped and the rest renumbered, so axes around them can merge.
  const sized = shape.map((_, a) => a).filter((a) => shape[a] !== 1);
  const kept = perm.filter((a) => shape[a] !== 1).map((a) => sized.indexOf(a));
  // Groups of input axes, in output order, each a run a, a+1, ... that can be read as one axis.
  const runs: number[][] = [];
  for (const a of kept) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] + 1 === a) last.push(a);
    else runs.push([a]);
  }
  const byInput = [...runs].sort((r, s) => r[0] - s[0]);
  const merged = byInput.map((run) => run.reduce((n, a) => n * shape[sized[a]], 1));
  return { shape: merged, perm: runs.map((run) => byInput.indexOf(run)) };
}

/** Peels output coordinates off i from the last axis, adding each times its input stride. */
function unrolledAxes(): string {
  const lines: string[] = [];
  for (let a = MAX_RANK - 1; a >= 0; a--) lines.push(`  src += (rest % p.d${a}) * p.s${a};`, `  rest /= p.d${a};`);
  return lines.join('\n');
}

/**
 * Output value i reads x at the sum of its output coordinates times the permuted input
 * strides; axes are padded in front to MAX_RANK with size 1.
 */
const GENERAL = /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
struct Params { n: u32, ${[...Array(MAX_RANK).keys()].map((a) => `d${a}: u32, s${a}: u32`).join(', ')} }
@group(0) @binding(2) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  var rest = i;
  var src = 0u;
${unrolledAxes()}
  out[i] = x[src];
}`;

/**
 * [batch, rows, columns] -> [batch, columns, rows] through a tile in workgroup memory, so both
 * the reads and the writes run along memory (NCHW <-> NHWC in conv). The padding column keeps
 * the transposed reads of the tile off a single memory bank.
 */
const TILED = /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
struct Params { rows: u32, columns: u32 }
@group(0) @binding(2) var<uniform> p: Params;
var<workgroup> tile: array<array<f32, ${TILE + 1}>, ${TILE}>;
@compute @workgroup_size(${TILE}, ${TILE})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let batch = wid.z * p.rows * p.columns;
  let row0 = wid.y * ${TILE}u;
  let col0 = wid.x * ${TILE}u;
  let r = row0 + lid.y;
  let c = col0 + lid.x;
  if (r < p.rows && c < p.columns) { tile[lid.y][lid.x] = x[batch + r * p.columns + c]; }
  workgroupBarrier();
  let outRow = col0 + lid.y;
  let outCol = row0 + lid.x;
  if (outRow < p.columns && outCol < p.rows) { out[batch + outRow * p.rows + outCol] = tile[lid.x][lid.y]; }
}`;

function checkPermutation(shape: readonly number[], perm: readonly number[]): void {
  const rank = shape.length;
  const seen = new Set(perm);
  if (perm.length !== rank || seen.size !== rank || perm.some((p) => !(p >= 0 && p < rank))) {
    throw new Error(`transpose: [${perm}] is not a permutation of the axes of ${formatShape(shape)}`);
  }
}

export function transpose(ctx: GpuContext, x: Tensor, perm: readonly number[]): Tensor {
  checkPermutation(x.shape, perm);
  const out = ctx.empty(perm.map((p) => x.shape[p]));
  if (x.size === 0) return out;
  const plan = transposePlan(x.shape, perm);
  if (plan.kind === 'copy') ctx.copy(x, out);
  else if (plan.kind === 'tiled') tiled(ctx, x, out, plan.shape);
  else general(ctx, x, out, plan.shape, plan.perm);
  return out;
}

export type TransposePlan =
  | { kind: 'copy' }
  | { kind: 'tiled'; shape: [number, number, number] }
  | { kind: 'general'; shape: number[]; perm: number[] };

/**
 * Which kernel moves the values. The tile can only pay for planes at least a tile wide each way
 * and tensors big enough to leave the caches; below that the gather does the job with no
 * barriers, which on SwiftShader made it over 10x faster than the tile (200K values).
 */
export function transposePlan(shape: readonly number[], perm: readonly number[]): TransposePlan {
  const simple = simplify(shape, perm);
  const rank = simple.perm.length;
  if (rank <= 1) return { kind: 'copy' };
  const swap = rank === 2 || (rank === 3 && simple.perm[0] === 0 && simple.perm[1] === 2);
  const [batch, rows, columns] = rank === 2 ? [1, ...simple.shape] : simple.shape;
  const wide = rows >= TILE && columns >= TILE && batch * rows * columns >= TILED_FROM;
  const fits = batch <= 65535 && Math.ceil(rows / TILE) <= 65535 && Math.ceil(columns / TILE) <= 65535;
  if (swap && wide && fits) return { kind: 'tiled', shape: [batch, rows, columns] };
  return { kind: 'general', ...simple };
}

function tiled(ctx: GpuContext, x: Tensor, out: Tensor, [batch, rows, columns]: readonly number[]): void {
  ctx.dispatch({
    key: `transpose:tiled${TILE}`,
    code: TILED,
    inputs: [x],
    outputs: [out],
    uniforms: [
      ['u32', rows],
      ['u32', columns],
    ],
    workgroups: [Math.ceil(columns / TILE), Math.ceil(rows / TILE), batch],
  });
}

function general(ctx: GpuContext, x: Tensor, out: Tensor, shape: readonly number[], perm: readonly number[]): void {
  if (perm.length > MAX_RANK) {
    throw new Error(`transpose: the WebGPU backend handles at most ${MAX_RANK} axes that move, got ${perm.length}`);
  }
  const inStrides = stridesOf(shape);
  const pad = MAX_RANK - perm.length;
  const uniforms: Uniform[] = [['u32', out.size]];
  for (let a = 0; a < MAX_RANK; a++) {
    const from = a < pad ? -1 : perm[a - pad];
    uniforms.push(['u32', from < 0 ? 1 : shape[from]], ['u32', from < 0 ? 0 : inStrides[from]]);
  }
  ctx.dispatch({
    key: `transpose:general${MAX_RANK}`,
    code: GENERAL,
    inputs: [x],
    outputs: [out],
    uniforms,
    workgroups: groups1d(out.size),
  });
}
