import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

/** Invocations per workgroup in both reductions. */
const WIDTH = 256;
/** Workgroups of sum's first pass at most: the second pass then adds at most this many partials. */
const SUM_GROUPS = 1024;
/** Values each invocation adds serially before the tree, when the input is large enough. */
const PER_INVOCATION = 4;
/** Row chunks of sumColumns' first pass at most, so its second pass stays short. */
const COLUMN_CHUNKS = 256;
/** Rows each invocation of sumColumns adds serially, when there are enough rows. */
const ROWS_PER_INVOCATION = 16;
const MAX_GROUPS = 65535;

/** The sum of all values as a rank-0 tensor: partial sums per workgroup, then one workgroup adds those. */
export function sum(ctx: GpuContext, x: Tensor): Tensor {
  const out = ctx.empty([]);
  const groups = Math.min(SUM_GROUPS, Math.max(1, Math.ceil(x.size / (WIDTH * PER_INVOCATION))));
  if (groups === 1) {
    sumPass(ctx, x, out, 1);
    return out;
  }
  const partials = ctx.empty([groups]);
  sumPass(ctx, x, partials, groups);
  sumPass(ctx, partials, out, 1);
  // Safe right away: a released buffer is reused only after the recorded dispatches are submitted.
  partials.dispose();
  return out;
}

/** out[g] = the sum of x[i] over i = g * 256 + lane + stride * s, a grid-stride loop then a tree per workgroup. */
function sumPass(ctx: GpuContext, x: Tensor, out: Tensor, groups: number): void {
  ctx.dispatch({
    key: 'sum',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
struct Params { n: u32 }
@group(0) @binding(2) var<uniform> p: Params;
var<workgroup> partial: array<f32, ${WIDTH}>;
@compute @workgroup_size(${WIDTH})
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
) {
  let stride = groups.x * ${WIDTH}u;
  var s = 0.0;
  for (var i = wid.x * ${WIDTH}u + lid.x; i < p.n; i += stride) { s += x[i]; }
  partial[lid.x] = s;
  workgroupBarrier();
  for (var half = ${WIDTH / 2}u; half > 0u; half >>= 1u) {
    if (lid.x < half) { partial[lid.x] += partial[lid.x + half]; }
    workgroupBarrier();
  }
  if (lid.x == 0u) { out[wid.x] = partial[0]; }
}`,
    inputs: [x],
    outputs: [out],
    uniforms: [['u32', x.size]],
    workgroups: [groups],
  });
}

/**
 * [M, N] -> [N]. Workgroups are `lanes` columns by 256 / lanes row lanes over a chunk of rows;
 * with several chunks, their [chunks, N] partial sums are summed the same way in one chunk.
 */
export function sumColumns(ctx: GpuContext, x: Tensor): Tensor {
  if (x.shape.length !== 2) throw new Error(`sumColumns needs a rank-2 tensor, got [${x.shape}]`);
  const [m, n] = x.shape;
  const out = ctx.empty([n]);
  const lanes = columnLanes(n);
  const rowLanes = WIDTH / lanes;
  const wanted = Math.ceil(m / (rowLanes * ROWS_PER_INVOCATION));
  const chunkRows = Math.max(1, Math.ceil(m / Math.min(COLUMN_CHUNKS, Math.max(1, wanted))));
  const chunks = Math.ceil(m / chunkRows);
  if (chunks <= 1) {
    columnPass(ctx, x, out, m, n, Math.max(1, m), lanes);
    return out;
  }
  const partials = ctx.empty([chunks, n]);
  columnPass(ctx, x, partials, m, n, chunkRows, lanes);
  columnPass(ctx, partials, out, chunks, n, chunks, lanes);
  partials.dispose();
  return out;
}

/** Columns per workgroup: few columns take a narrow workgroup so its invocations are not idle. */
function columnLanes(n: number): number {
  let lanes = 4;
  while (lanes < 64 && lanes < n) lanes *= 2;
  return lanes;
}

function columnPass(
  ctx: GpuContext,
  x: Tensor,
  out: Tensor,
  rows: number,
  columns: number,
  chunkRows: number,
  lanes: number,
): void {
  const rowLanes = WIDTH / lanes;
  const columnGroups = Math.ceil(columns / lanes);
  if (columnGroups > MAX_GROUPS) throw new Error(`sumColumns: ${columns} columns are more than the GPU can dispatch`);
  ctx.dispatch({
    key: `sumColumns:${lanes}`,
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
struct Params { rows: u32, columns: u32, chunkRows: u32 }
@group(0) @binding(2) var<uniform> p: Params;
const LANES = ${lanes}u;
var<workgroup> partial: array<f32, ${WIDTH}>;
@compute @workgroup_size(${lanes}, ${rowLanes})
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u) {
  let column = wid.x * LANES + lid.x;
  let first = wid.y * p.chunkRows;
  let end = min(p.rows, first + p.chunkRows);
  var s = 0.0;
  if (column < p.columns) {
    for (var row = first + lid.y; row < end; row += ${rowLanes}u) { s += x[row * p.columns + column]; }
  }
  partial[lid.y * LANES + lid.x] = s;
  workgroupBarrier();
  for (var half = ${rowLanes / 2}u; half > 0u; half >>= 1u) {
    if (lid.y < half) { partial[lid.y * LANES + lid.x] += partial[(lid.y + half) * LANES + lid.x]; }
    workgroupBarrier();
  }
  if (lid.y == 0u && column < p.columns) { out[wid.y * p.columns + column] = partial[lid.x]; }
}`,
    inputs: [x],
    outputs: [out],
    uniforms: [
      ['u32', rows],
      ['u32', columns],
      ['u32', chunkRows],
    ],
    // One chunk even with no rows, so the sums are written as zeros.
    workgroups: [columnGroups, Math.max(1, Math.ceil(rows / chunkRows))],
  });
}
