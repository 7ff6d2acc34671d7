import type { Shape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import type { WindowGeometry } from '../backend';
import { windowDims } from '../cpu/window';
import { type GpuContext, groups1d } from './context';
import { WINDOW_FIELDS, windowUniforms } from './im2col';

/**
 * A gather, since WGSL has no float atomics: one invocation per input pixel sums the column
 * entries that read it. Only the output positions whose window covers the pixel are visited,
 * in the CPU's order (row-major over positions), so the float32 sums round the same way.
 */
const CODE = /* wgsl */ `
@group(0) @binding(0) var<storage, read> cols: array<f32>;
@group(0) @binding(1) var<storage, read_write> image: array<f32>;
struct Params { n: u32, ${WINDOW_FIELDS} }
@group(0) @binding(2) var<uniform> p: Params;

// The window positions along one axis whose window covers padded coordinate at: [first, last].
fn covering(at: i32, kernel: i32, stride: i32, count: i32) -> vec2i {
  let reach = at - kernel + 1;
  let first = select(0, (reach + stride - 1) / stride, reach > 0);
  return vec2i(first, min(at / stride, count - 1));
}

@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  let pixel = i32(i);
  let col = pixel % p.w;
  let row = (pixel / p.w) % p.h;
  let plane = pixel / (p.w * p.h);
  let b = plane / p.c;
  let ch = plane % p.c;
  let y = row + p.ph;
  let x = col + p.pw;
  let rows = covering(y, p.kh, p.sh, p.outH);
  let columns = covering(x, p.kw, p.sw, p.outW);
  let width = p.c * p.kh * p.kw;
  let channel = ch * p.kh * p.kw;
  var sum = 0.0;
  for (var oi = rows.x; oi <= rows.y; oi++) {
    let m = y - oi * p.sh;
    let base = (b * p.outH + oi) * p.outW;
    for (var oj = columns.x; oj <= columns.y; oj++) {
      let l = x - oj * p.sw;
      sum += cols[u32((base + oj) * width + channel + m * p.kw + l)];
    }
  }
  image[i] = sum;
}`;

export function col2im(ctx: GpuContext, cols: Tensor, inputShape: Shape, geometry: WindowGeometry): Tensor {
  const dims = windowDims('col2im', inputShape, geometry);
  const [n, c, , , outH, outW] = dims;
  const [kh, kw] = geometry.kernel;
  if (cols.size !== n * outH * outW * c * kh * kw) {
    throw new Error(`col2im: [${cols.shape}] is not the im2col of [${inputShape}] with a ${kh}x${kw} window`);
  }
  const out = ctx.empty(inputShape);
  ctx.dispatch({
    key: 'col2im',
    code: CODE,
    inputs: [cols],
    outputs: [out],
    uniforms: [['u32', out.size], ...windowUniforms(dims, geometry)],
    workgroups: groups1d(out.size),
  });
  return out;
}
