import type { Tensor } from '../../tensor/tensor';
import type { WindowGeometry } from '../backend';
import { windowDims } from '../cpu/window';
import { type GpuContext, groups1d, type Uniform } from './context';

/** The geometry as uniforms, shared by im2col and col2im: the image, the output grid and the window. */
export function windowUniforms(dims: readonly number[], geometry: WindowGeometry): Uniform[] {
  const [, c, h, w, outH, outW] = dims;
  const values = [c, h, w, outH, outW, ...geometry.kernel, ...geometry.stride, ...geometry.padBefore];
  return values.map((v) => ['i32', v]);
}

/** The WGSL fields matching windowUniforms, in the same order. */
export const WINDOW_FIELDS =
  'c: i32, h: i32, w: i32, outH: i32, outW: i32, kh: i32, kw: i32, sh: i32, sw: i32, ph: i32, pw: i32';

/**
 * One invocation per value of the [N * outH * outW, C * kH * kW] result, so neighbouring
 * invocations write neighbouring values and read along one image row.
 */
const CODE = /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> cols: array<f32>;
struct Params { n: u32, padValue: f32, ${WINDOW_FIELDS} }
@group(0) @binding(2) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  let window = u32(p.kh * p.kw);
  let width = u32(p.c) * window;
  let r = i32(i / width);
  let k = i32(i % width);
  let ch = k / i32(window);
  let m = (k / p.kw) % p.kh;
  let l = k % p.kw;
  let b = r / (p.outH * p.outW);
  let row = ((r / p.outW) % p.outH) * p.sh - p.ph + m;
  let col = (r % p.outW) * p.sw - p.pw + l;
  var v = p.padValue;
  if (row >= 0 && row < p.h && col >= 0 && col < p.w) {
    v = x[u32(((b * p.c + ch) * p.h + row) * p.w + col)];
  }
  cols[i] = v;
}`;

export function im2col(ctx: GpuContext, x: Tensor, geometry: WindowGeometry, padValue: number): Tensor {
  const dims = windowDims('im2col', x.shape, geometry);
  const [n, c, , , outH, outW] = dims;
  const [kh, kw] = geometry.kernel;
  const out = ctx.empty([n * outH * outW, c * kh * kw]);
  ctx.dispatch({
    key: 'im2col',
    code: CODE,
    inputs: [x],
    outputs: [out],
    uniforms: [['u32', out.size], ['f32', padValue], ...windowUniforms(dims, geometry)],
    workgroups: groups1d(out.size),
  });
  return out;
}
