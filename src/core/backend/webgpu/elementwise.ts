import { formatShape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { type GpuContext, groups1d } from './context';

function checkSameSize(op: string, a: Tensor, b: Tensor): void {
  if (!a.sameShapeAs(b)) throw new Error(`${op}: shapes differ, ${formatShape(a.shape)} and ${formatShape(b.shape)}`);
}

/** out[i] = expr of a[i] and b[i]; one pipeline per operator. */
function binary(ctx: GpuContext, op: string, expr: string, a: Tensor, b: Tensor): Tensor {
  checkSameSize(op, a, b);
  const out = ctx.empty(a.shape);
  ctx.dispatch({
    key: `binary:${op}`,
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
struct Params { n: u32 }
@group(0) @binding(3) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  out[i] = ${expr};
}`,
    inputs: [a, b],
    outputs: [out],
    uniforms: [['u32', a.size]],
    workgroups: groups1d(a.size),
  });
  return out;
}

export const add = (ctx: GpuContext, a: Tensor, b: Tensor) => binary(ctx, 'add', 'a[i] + b[i]', a, b);
export const sub = (ctx: GpuContext, a: Tensor, b: Tensor) => binary(ctx, 'sub', 'a[i] - b[i]', a, b);
export const mul = (ctx: GpuContext, a: Tensor, b: Tensor) => binary(ctx, 'mul', 'a[i] * b[i]', a, b);

export function scale(ctx: GpuContext, x: Tensor, s: number): Tensor {
  const out = ctx.empty(x.shape);
  ctx.dispatch({
    key: 'scale',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
struct Params { n: u32, s: f32 }
@group(0) @binding(2) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  out[i] = x[i] * p.s;
}`,
    inputs: [x],
    outputs: [out],
    uniforms: [
      ['u32', x.size],
      ['f32', s],
    ],
    workgroups: groups1d(x.size),
  });
  return out;
}

export function axpy(ctx: GpuContext, y: Tensor, alpha: number, x: Tensor): void {
  if (y.size !== x.size) throw new Error(`axpy: sizes differ, ${y.size} and ${x.size}`);
  // A buffer cannot be bound for reading and writing in one dispatch.
  const source = x === y || x.device === y.device ? x.clone() : x;
  ctx.dispatch({
    key: 'axpy',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> y: array<f32>;
struct Params { n: u32, alpha: f32 }
@group(0) @binding(2) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  y[i] = y[i] + p.alpha * x[i];
}`,
    inputs: [source],
    outputs: [y],
    uniforms: [
      ['u32', y.size],
      ['f32', alpha],
    ],
    workgroups: groups1d(y.size),
  });
}

export function assign(ctx: GpuContext, target: Tensor, value: Tensor): void {
  checkSameSize('assign', target, value);
  ctx.copy(value, target);
}

export function addRowVector(ctx: GpuContext, x: Tensor, v: Tensor): Tensor {
  const n = v.size;
  if (x.shape.length !== 2 || x.shape[1] !== n) {
    throw new Error(`addRowVector: ${formatShape(x.shape)} rows do not have ${n} columns`);
  }
  const out = ctx.empty(x.shape);
  ctx.dispatch({
    key: 'addRowVector',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> v: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
struct Params { size: u32, columns: u32 }
@group(0) @binding(3) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.size) { return; }
  out[i] = x[i] + v[i % p.columns];
}`,
    inputs: [x, v],
    outputs: [out],
    uniforms: [
      ['u32', x.size],
      ['u32', n],
    ],
    workgroups: groups1d(x.size),
  });
  return out;
}

/** The count of NaN and infinite values, as a rank-0 tensor: partial counts per workgroup, then their sum. */
export function countNonFinite(ctx: GpuContext, x: Tensor): Tensor {
  const out = ctx.empty([]);
  ctx.dispatch({
    key: 'countNonFinite',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
struct Params { n: u32 }
@group(0) @binding(2) var<uniform> p: Params;
var<workgroup> partial: array<u32, 256>;
// NaN and infinities are the values whose exponent bits are all ones.
fn bad(v: f32) -> u32 { return select(0u, 1u, (bitcast<u32>(v) & 0x7f800000u) == 0x7f800000u); }
@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u) {
  var count = 0u;
  for (var i = lid.x; i < p.n; i += 256u) { count += bad(x[i]); }
  partial[lid.x] = count;
  workgroupBarrier();
  for (var stride = 128u; stride > 0u; stride >>= 1u) {
    if (lid.x < stride) { partial[lid.x] += partial[lid.x + stride]; }
    workgroupBarrier();
  }
  if (lid.x == 0u) { out[0] = f32(partial[0]); }
}`,
    inputs: [x],
    outputs: [out],
    uniforms: [['u32', x.size]],
    workgroups: [1],
  });
  return out;
}
