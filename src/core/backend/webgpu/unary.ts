import { formatShape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import type { UnaryOp } from '../backend';
import { type GpuContext, groups1d } from './context';

/**
 * Helpers shared by the forward and derivative kernels, written to stay finite where the naive
 * formulas overflow: exp only ever sees -|v|.
 */
const FUNCTIONS = /* wgsl */ `
fn sigmoid(v: f32) -> f32 {
  let e = exp(-abs(v));
  return select(e / (1.0 + e), 1.0 / (1.0 + e), v >= 0.0);
}
// A series near 0, where 1 - exp(-2|v|) would cancel; exp(-2|v|) cannot overflow and reaches 0 for large |v|.
fn tanh_stable(v: f32) -> f32 {
  let a = abs(v);
  if (a < 0.25) {
    let a2 = a * a;
    let series = a * (1.0 + a2 * (-1.0 / 3.0 + a2 * (2.0 / 15.0 + a2 * (-17.0 / 315.0 + a2 * (62.0 / 2835.0)))));
    return select(-series, series, v >= 0.0);
  }
  let t = exp(-2.0 * a);
  let r = (1.0 - t) / (1.0 + t);
  return select(-r, r, v >= 0.0);
}
// ln(1 + e) for e in [0, 1]: the log of 1 + e loses e's low bits when e is small, so a series there.
fn log1p_unit(e: f32) -> f32 {
  if (e < 0.125) {
    return e * (1.0 + e * (-1.0 / 2.0 + e * (1.0 / 3.0 + e * (-1.0 / 4.0 + e * (1.0 / 5.0 + e * (-1.0 / 6.0 + e * (1.0 / 7.0)))))));
  }
  return log(1.0 + e);
}
// max(v, 0) that keeps NaN, as Math.max does.
fn relu(v: f32) -> f32 { return select(v, 0.0, v < 0.0); }
fn softplus(v: f32) -> f32 { return relu(v) + log1p_unit(exp(-abs(v))); }
`;

/** f(v) in WGSL, with the slope as p.alpha. */
const FORWARD: Record<UnaryOp, string> = {
  identity: 'v',
  step: 'select(0.0, 1.0, v > 0.0)',
  sigmoid: 'sigmoid(v)',
  tanh: 'tanh_stable(v)',
  relu: 'relu(v)',
  leaky_relu: 'select(p.alpha * v, v, v > 0.0)',
  softplus: 'softplus(v)',
};

/**
 * f'(x) from the one input it needs: x, y = f(x), or neither (a constant). At x = 0, ReLU takes 0
 * and leaky ReLU takes alpha, as the CPU backend does.
 */
const DERIVATIVE: Record<UnaryOp, { uses: 'x' | 'y' | 'none'; expr: string }> = {
  identity: { uses: 'none', expr: '1.0' },
  step: { uses: 'none', expr: '0.0' },
  sigmoid: { uses: 'y', expr: 'v * (1.0 - v)' },
  tanh: { uses: 'y', expr: '1.0 - v * v' },
  relu: { uses: 'x', expr: 'select(0.0, 1.0, v > 0.0)' },
  leaky_relu: { uses: 'x', expr: 'select(p.alpha, 1.0, v > 0.0)' },
  softplus: { uses: 'x', expr: 'sigmoid(v)' },
};

function mapCode(expr: string): string {
  return /* wgsl */ `
@group(0) @binding(0) var<storage, read> x: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
struct Params { n: u32, alpha: f32 }
@group(0) @binding(2) var<uniform> p: Params;
${FUNCTIONS}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  let v = x[i];
  out[i] = ${expr};
}`;
}

// With no input bound, auto layout has no slot for one, so constants get their own kernel.
function fillCode(value: string): string {
  return /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> out: array<f32>;
struct Params { n: u32 }
@group(0) @binding(1) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  out[i] = ${value};
}`;
}

function checkOp(name: string, op: UnaryOp): void {
  if (!Object.hasOwn(FORWARD, op)) throw new Error(`${name}: unknown operation ${String(op)}`);
}

function map(ctx: GpuContext, key: string, expr: string, x: Tensor, alpha: number): Tensor {
  const out = ctx.empty(x.shape);
  ctx.dispatch({
    key,
    code: mapCode(expr),
    inputs: [x],
    outputs: [out],
    uniforms: [
      ['u32', x.size],
      ['f32', alpha],
    ],
    workgroups: groups1d(x.size),
  });
  return out;
}

export function unary(ctx: GpuContext, op: UnaryOp, x: Tensor, alpha: number): Tensor {
  checkOp('unary', op);
  return map(ctx, `unary:${op}`, FORWARD[op], x, alpha);
}

export function unaryDerivative(ctx: GpuContext, op: UnaryOp, x: Tensor, y: Tensor, alpha: number): Tensor {
  checkOp('unaryDerivative', op);
  if (!x.sameShapeAs(y)) {
    throw new Error(`unaryDerivative: shapes differ, ${formatShape(x.shape)} and ${formatShape(y.shape)}`);
  }
  const { uses, expr } = DERIVATIVE[op];
  if (uses !== 'none') return map(ctx, `unaryDerivative:${op}`, expr, uses === 'x' ? x : y, alpha);
  const out = ctx.empty(x.shape);
  ctx.dispatch({
    key: `unaryDerivative:${op}`,
    code: fillCode(expr),
    inputs: [],
    outputs: [out],
    uniforms: [['u32', x.size]],
    workgroups: groups1d(x.size),
  });
  return out;
}
