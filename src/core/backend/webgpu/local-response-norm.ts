import type { Tensor } from '../../tensor/tensor';
import type { ChannelView, LrnOptions } from '../backend';
import { checkView } from './channels';
import { type GpuContext, groups1d, type Uniform } from './context';

/**
 * WGSL shared by both kernels: the position of value i in its [outer, channels, inner] view, and
 * D = k + alpha * sum of x^2 over the channels within radius of channel c at that position.
 */
const WINDOW = /* wgsl */ `
struct Params { n: u32, channels: u32, inner: u32, radius: u32, bias: f32, alpha: f32, beta: f32, nan: u32 }
struct Position { base: u32, c: u32 }
fn position(i: u32) -> Position {
  let c = (i / p.inner) % p.channels;
  return Position(i - c * p.inner, c);
}
fn firstIn(c: u32) -> u32 { return select(0u, c - p.radius, c > p.radius); }
fn lastIn(c: u32) -> u32 { return min(p.channels - 1u, c + min(p.radius, p.channels)); }
fn denominator(base: u32, c: u32) -> f32 {
  var s = 0.0;
  for (var j = firstIn(c); j <= lastIn(c); j++) {
    let v = x[base + j * p.inner];
    s += v * v;
  }
  return p.bias + p.alpha * s;
}
// d ** e as JavaScript computes it: a real power of a negative d (k <= 0) only for integer e,
// NaN otherwise (from a uniform: WGSL's log2 of a negative number need not be NaN).
fn power(d: f32, e: f32) -> f32 {
  if (d >= 0.0) { return exp2(e * log2(d)); }
  if (e != floor(e)) { return bitcast<f32>(p.nan); }
  let m = exp2(e * log2(-d));
  return select(m, -m, e * 0.5 != floor(e * 0.5));
}
`;

function uniforms(x: Tensor, options: LrnOptions, view: ChannelView): Uniform[] {
  return [
    ['u32', x.size],
    ['u32', view.channels],
    ['u32', view.inner],
    ['u32', options.radius],
    ['f32', options.bias],
    ['f32', options.alpha],
    ['f32', options.beta],
    ['u32', 0x7fc00000],
  ];
}

function checkRadius(op: string, options: LrnOptions): void {
  if (!Number.isInteger(options.radius) || options.radius < 0) {
    throw new Error(`${op}: the radius must be a whole number of channels, got ${options.radius}`);
  }
}

export function localResponseNorm(ctx: GpuContext, x: Tensor, options: LrnOptions, view: ChannelView): Tensor {
  checkView('localResponseNorm', x, view);
  checkRadius('localResponseNorm', options);
  const out = ctx.empty(x.shape);
  ctx.dispatch({
    key: 'localResponseNorm',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
@group(0) @binding(2) var<uniform> p: Params;
${WINDOW}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  let at = position(i);
  out[i] = x[i] * power(denominator(at.base, at.c), -p.beta);
}`,
    inputs: [x],
    outputs: [out],
    uniforms: uniforms(x, options, view),
    workgroups: groups1d(x.size),
  });
  return out;
}

// b_c = a_c D_c^-beta; a_j appears in its own numerator and in the D_c of every channel c within
// radius of j: dE/da_j = dy_j D_j^-beta - 2 alpha beta a_j sum_c dy_c a_c D_c^(-beta-1).
// The first pass computes, per value, the direct term dy D^-beta and through = dy a D^(-beta-1);
// the second sums through over each window, so each D is computed once.
export function localResponseNormBackward(
  ctx: GpuContext,
  x: Tensor,
  dy: Tensor,
  options: LrnOptions,
  view: ChannelView,
): Tensor {
  checkView('localResponseNormBackward', x, view);
  checkView('localResponseNormBackward', dy, view);
  checkRadius('localResponseNormBackward', options);
  const direct = ctx.empty(x.shape);
  const through = ctx.empty(x.shape);
  ctx.dispatch({
    key: 'localResponseNormBackward:terms',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> dy: array<f32>;
@group(0) @binding(2) var<storage, read_write> direct: array<f32>;
@group(0) @binding(3) var<storage, read_write> through: array<f32>;
@group(0) @binding(4) var<uniform> p: Params;
${WINDOW}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  let at = position(i);
  let d = denominator(at.base, at.c);
  direct[i] = dy[i] * power(d, -p.beta);
  through[i] = dy[i] * x[i] * power(d, -p.beta - 1.0);
}`,
    inputs: [x, dy],
    outputs: [direct, through],
    uniforms: uniforms(x, options, view),
    workgroups: groups1d(x.size),
  });
  const dx = sumWindows(ctx, x, direct, through, options, view);
  direct.dispose();
  through.dispose();
  return dx;
}

function sumWindows(
  ctx: GpuContext,
  x: Tensor,
  direct: Tensor,
  through: Tensor,
  options: LrnOptions,
  view: ChannelView,
): Tensor {
  const out = ctx.empty(x.shape);
  ctx.dispatch({
    key: 'localResponseNormBackward:windows',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read> direct: array<f32>;
@group(0) @binding(2) var<storage, read> through: array<f32>;
@group(0) @binding(3) var<storage, read_write> out: array<f32>;
@group(0) @binding(4) var<uniform> p: Params;
${WINDOW}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  let at = position(i);
  var s = 0.0;
  for (var c = firstIn(at.c); c <= lastIn(at.c); c++) { s += through[at.base + c * p.inner]; }
  out[i] = direct[i] - 2.0 * p.alpha * p.beta * x[i] * s;
}`,
    inputs: [x, direct, through],
    outputs: [out],
    uniforms: uniforms(x, options, view),
    workgroups: groups1d(x.size),
  });
  return out;
}
