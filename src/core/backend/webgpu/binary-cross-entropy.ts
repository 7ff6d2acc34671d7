import { formatShape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import { type GpuContext, groups1d } from './context';

function checkShapes(op: string, a: Tensor, y: Tensor): void {
  if (!a.sameShapeAs(y)) throw new Error(`${op}: shapes differ, ${formatShape(a.shape)} and ${formatShape(y.shape)}`);
}

/**
 * The clip bounds rounded to float32 on the host, as the CPU backend rounds them for float32
 * tensors (1 - 1e-7 becomes 1 - 1.19e-7), so the f32 uniforms hold exactly the CPU's bounds.
 */
function clipRange(epsilon: number): [number, number] {
  return [Math.fround(epsilon), Math.fround(1 - epsilon)];
}

// Comparisons rather than clamp, whose result for NaN is up to the driver; the CPU keeps NaN.
const LOSS = /* wgsl */ `
  let c = select(a[i], p.low, a[i] < p.low);
  let q = select(c, p.high, c > p.high);
  let t = y[i];
  out[i] = -(t * log(q) + (1.0 - t) * log(1.0 - q));`;

// Clipping is flat outside [low, high], so no gradient passes there.
const GRAD = /* wgsl */ `
  let q = a[i];
  out[i] = select((q - y[i]) / (q * (1.0 - q)), 0.0, q < p.low || q > p.high);`;

function elementwise(ctx: GpuContext, name: string, body: string, a: Tensor, y: Tensor, epsilon: number): Tensor {
  checkShapes(name, a, y);
  const [low, high] = clipRange(epsilon);
  const out = ctx.empty(a.shape);
  ctx.dispatch({
    key: name,
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> y: array<f32>;
@group(0) @binding(2) var<storage, read_write> out: array<f32>;
struct Params { n: u32, low: f32, high: f32 }
@group(0) @binding(3) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
${body}
}`,
    inputs: [a, y],
    outputs: [out],
    uniforms: [
      ['u32', a.size],
      ['f32', low],
      ['f32', high],
    ],
    workgroups: groups1d(a.size),
  });
  return out;
}

export function binaryCrossEntropy(ctx: GpuContext, a: Tensor, y: Tensor, epsilon: number): Tensor {
  return elementwise(ctx, 'binaryCrossEntropy', LOSS, a, y, epsilon);
}

export function binaryCrossEntropyGrad(ctx: GpuContext, a: Tensor, y: Tensor, epsilon: number): Tensor {
  return elementwise(ctx, 'binaryCrossEntropyGrad', GRAD, a, y, epsilon);
}
