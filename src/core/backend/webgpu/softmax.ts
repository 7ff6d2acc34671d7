import { formatShape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { type GpuContext, groups1d } from './context';

/**
 * A kernel over the rows of the last axis in three steps: the row maximum m of the first input
 * (if `max`), the row sum s of `term`, then out[j] = `write`. Expressions see the flat index j,
 * the inputs by name, and m and s once known.
 */
export interface RowKernel {
  name: string;
  inputs: readonly (readonly [string, Tensor])[];
  max: boolean;
  term: string;
  write: string;
}

/** Rows up to this long get one invocation each, with no barriers; longer ones share a workgroup's lanes. */
const SHORT_ROW = 32;
/** Values each lane reads per pass, about: fewer lanes per row means more rows per workgroup. */
const PER_LANE = 16;
/** Lanes in every workgroup of the shared-row kernels; a row gets a power of two of them, at most all. */
export const ROW_GROUP = 256;
const MAX_GROUPS = 65535;

export function lastAxis(x: Tensor): number {
  return x.shape.length === 0 ? 1 : x.shape[x.shape.length - 1];
}

/** Lanes that share a row of n values: 1 for one invocation per row, else a power of two up to ROW_GROUP. */
export function rowLanes(n: number): number {
  if (n <= SHORT_ROW) return 1;
  let lanes = 2;
  while (lanes < ROW_GROUP && lanes * PER_LANE < n) lanes *= 2;
  return lanes;
}

/** Workgroups for rows of `lanes` lanes each, along a second dimension past the 65535 limit. */
export function rowGroups(rows: number, lanes: number): [number, number] {
  if (lanes === 1) return groups1d(rows);
  const groups = Math.ceil((rows * lanes) / ROW_GROUP);
  if (groups <= MAX_GROUPS) return [groups, 1];
  return [MAX_GROUPS, Math.ceil(groups / MAX_GROUPS)];
}

/**
 * WGSL that places this lane: its row, its lane within the row's segment of `lanes` lanes, and
 * the row's [start, end). Lanes past the last row get an empty range but still reach every barrier.
 */
export function rowPlacement(lanes: number): string {
  return `let row = (wid.x + wid.y * groups.x) * ${ROW_GROUP / lanes}u + lid / ${lanes}u;
  let lane = lid % ${lanes}u;
  let valid = row < p.rows;
  let start = select(0u, row * p.n, valid);
  let end = select(0u, start + p.n, valid);`;
}

/** The entry point's header for the shared-row kernels, with lid, wid and groups. */
export const ROW_MAIN = `@compute @workgroup_size(${ROW_GROUP})
fn main(
  @builtin(local_invocation_index) lid: u32,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
)`;

function bindings(k: RowKernel): string {
  const inputs = k.inputs.map(([name], i) => `@group(0) @binding(${i}) var<storage, read> ${name}: array<f32>;`);
  const n = k.inputs.length;
  return `${inputs.join('\n')}
@group(0) @binding(${n}) var<storage, read_write> out: array<f32>;
struct Params { rows: u32, n: u32 }
@group(0) @binding(${n + 1}) var<uniform> p: Params;`;
}

function threadCode(k: RowKernel): string {
  const x = k.inputs[0][0];
  const max = k.max ? `var m = ${x}[start];\n  for (var j = start + 1u; j < end; j++) { m = max(m, ${x}[j]); }` : '';
  return /* wgsl */ `${bindings(k)}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let row = invocation(gid, groups);
  if (row >= p.rows) { return; }
  let start = row * p.n;
  let end = start + p.n;
  ${max}
  var s = 0.0;
  for (var j = start; j < end; j++) { s += ${k.term}; }
  for (var j = start; j < end; j++) { out[j] = ${k.write}; }
}`;
}

/**
 * Tree reductions within each row's segment of `lanes` lanes (segments are consecutive lane
 * indices); each ends with a barrier so `part` can be reused.
 */
function reductions(lanes: number): string {
  const reduce = (name: string, combine: string) => /* wgsl */ `
fn ${name}(lid: u32, lane: u32, v: f32) -> f32 {
  part[lid] = v;
  workgroupBarrier();
  for (var stride = ${lanes / 2}u; stride > 0u; stride >>= 1u) {
    if (lane < stride) { part[lid] = ${combine}; }
    workgroupBarrier();
  }
  let result = part[lid - lane];
  workgroupBarrier();
  return result;
}`;
  return `var<workgroup> part: array<f32, ${ROW_GROUP}>;
${reduce('reduce_max', 'max(part[lid], part[lid + stride])')}
${reduce('reduce_sum', 'part[lid] + part[lid + stride]')}`;
}

function groupCode(k: RowKernel, lanes: number): string {
  const x = k.inputs[0][0];
  const loop = `for (var j = start + lane; j < end; j += ${lanes}u)`;
  const max = k.max ? `var m = ${x}[start];\n  ${loop} { m = max(m, ${x}[j]); }\n  m = reduce_max(lid, lane, m);` : '';
  return /* wgsl */ `${bindings(k)}
${reductions(lanes)}
${ROW_MAIN} {
  ${rowPlacement(lanes)}
  ${max}
  var s = 0.0;
  ${loop} { s += ${k.term}; }
  s = reduce_sum(lid, lane, s);
  ${loop} { out[j] = ${k.write}; }
}`;
}

/** Runs a RowKernel over the last axis of its first input; the output has that input's shape. */
export function rowwise(ctx: GpuContext, k: RowKernel): Tensor {
  const x = k.inputs[0][1];
  const n = lastAxis(x);
  const rows = n === 0 ? 0 : x.size / n;
  const out = ctx.empty(x.shape);
  const lanes = rowLanes(n);
  ctx.dispatch({
    key: `${k.name}:${lanes}`,
    code: lanes === 1 ? threadCode(k) : groupCode(k, lanes),
    inputs: k.inputs.map(([, t]) => t),
    outputs: [out],
    uniforms: [
      ['u32', rows],
      ['u32', n],
    ],
    workgroups: rowGroups(rows, lanes),
  });
  return out;
}

export function softmax(ctx: GpuContext, x: Tensor): Tensor {
  return rowwise(ctx, {
    name: 'softmax',
    inputs: [['x', x]],
    max: true,
    term: 'exp(x[j] - m)',
    write: 'exp(x[j] - m) / s',
  });
}

export function softmaxBackward(ctx: GpuContext, y: Tensor, dy: Tensor): Tensor {
  if (!y.sameShapeAs(dy)) {
    throw new Error(`softmaxBackward: shapes differ, ${formatShape(y.shape)} and ${formatShape(dy.shape)}`);
  }
  return rowwise(ctx, {
    name: 'softmaxBackward',
    inputs: [
      ['y', y],
      ['dy', dy],
    ],
    max: false,
    term: 'dy[j] * y[j]',
    write: 'y[j] * (dy[j] - s)',
  });
}
