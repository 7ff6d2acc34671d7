import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';
import { ROW_GROUP, ROW_MAIN, rowGroups, rowLanes, rowPlacement } from './softmax';

function rowLength(op: string, x: Tensor): number {
  if (x.shape.length === 0) throw new Error(`${op} needs a tensor of rank 1 or more`);
  return x.shape[x.shape.length - 1];
}

/** What a kernel does with each row's first maximum: write its value, or route dy to its place. */
type Mode = 'max' | 'backward';

function bindings(mode: Mode): string {
  const dy = mode === 'backward' ? '@group(0) @binding(1) var<storage, read> dy: array<f32>;' : '';
  const next = mode === 'backward' ? 2 : 1;
  return `@group(0) @binding(0) var<storage, read> x: array<f32>;
${dy}
@group(0) @binding(${next}) var<storage, read_write> out: array<f32>;
struct Params { rows: u32, n: u32 }
@group(0) @binding(${next + 1}) var<uniform> p: Params;`;
}

// Strictly greater keeps the first of equal values and skips NaN after the first value, as the CPU's loop does.
function threadCode(mode: Mode): string {
  const write =
    mode === 'max'
      ? 'out[row] = best;'
      : 'for (var j = start; j < end; j++) { out[j] = select(0.0, dy[row], j == at); }';
  return /* wgsl */ `${bindings(mode)}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let row = invocation(gid, groups);
  if (row >= p.rows) { return; }
  let start = row * p.n;
  let end = start + p.n;
  var best = x[start];
  var at = start;
  for (var j = start + 1u; j < end; j++) {
    let v = x[j];
    if (v > best) { best = v; at = j; }
  }
  ${write}
}`;
}

/**
 * Each lane starts from the row's first value, so a NaN there wins everywhere (as on the CPU);
 * lanes keep their first maximum and merging prefers the lower index among equal values.
 */
function groupCode(mode: Mode, lanes: number): string {
  const loop = `for (var j = start + lane; j < end; j += ${lanes}u)`;
  const write =
    mode === 'max'
      ? 'if (valid && lane == 0u) { out[row] = best_value[lid]; }'
      : `let first = best_index[lid - lane];\n  ${loop} { out[j] = select(0.0, dy[row], j == first); }`;
  return /* wgsl */ `${bindings(mode)}
var<workgroup> best_value: array<f32, ${ROW_GROUP}>;
var<workgroup> best_index: array<u32, ${ROW_GROUP}>;
${ROW_MAIN} {
  ${rowPlacement(lanes)}
  var best = x[start];
  var at = start;
  ${loop} {
    let v = x[j];
    if (v > best) { best = v; at = j; }
  }
  best_value[lid] = best;
  best_index[lid] = at;
  workgroupBarrier();
  for (var stride = ${lanes / 2}u; stride > 0u; stride >>= 1u) {
    if (lane < stride) {
      let v = best_value[lid + stride];
      let i = best_index[lid + stride];
      if (v > best_value[lid] || (v == best_value[lid] && i < best_index[lid])) {
        best_value[lid] = v;
        best_index[lid] = i;
      }
    }
    workgroupBarrier();
  }
  ${write}
}`;
}

function dispatch(ctx: GpuContext, mode: Mode, inputs: Tensor[], out: Tensor, rows: number, n: number): void {
  const lanes = rowLanes(n);
  ctx.dispatch({
    key: `maxLastAxis:${mode}:${lanes}`,
    code: lanes === 1 ? threadCode(mode) : groupCode(mode, lanes),
    inputs,
    outputs: [out],
    uniforms: [
      ['u32', rows],
      ['u32', n],
    ],
    workgroups: rowGroups(rows, lanes),
  });
}

/** [..., n] -> [...]: the largest value of each row along the last axis. */
export function maxLastAxis(ctx: GpuContext, x: Tensor): Tensor {
  const n = rowLength('maxLastAxis', x);
  const rows = n === 0 ? 0 : x.size / n;
  const out = ctx.empty(x.shape.slice(0, -1));
  dispatch(ctx, 'max', [x], out, rows, n);
  return out;
}

/** dL/dx of maxLastAxis: each row's dy goes to the row's first maximum, zeros elsewhere. */
export function maxLastAxisBackward(ctx: GpuContext, x: Tensor, dy: Tensor): Tensor {
  const n = rowLength('maxLastAxisBackward', x);
  const rows = n === 0 ? 0 : x.size / n;
  if (dy.size !== rows) throw new Error(`maxLastAxisBackward: dy has ${dy.size} values for ${rows} rows`);
  const out = ctx.empty(x.shape);
  dispatch(ctx, 'backward', [x, dy], out, rows, n);
  return out;
}
