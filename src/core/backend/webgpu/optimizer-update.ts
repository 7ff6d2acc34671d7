import { formatShape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import type { DeviceParamUpdate, DeviceUpdateRule, DeviceUpdateStep } from '../backend';
import { type GpuContext, groups1d, type Uniform } from './context';

/** Keras's MaxNorm epsilon, as in train/regularization.ts: w * min(n, c) / (epsilon + n). */
const MAX_NORM_EPSILON = 1e-7;

/** Uniform fields every update kernel declares before the rule's scalars. */
const FIXED_FIELDS = ['count', 'l1', 'l2', 'clipValue', 'clipValueOn', 'clipNorm'];

/**
 * The gradient after penalties and clipValue, as prepareGradient computes it on the host. It reads
 * `grads`, `weights` and the Params fields l1, l2 (0 for a bias), clipValue and clipValueOn.
 */
const PREPARED = /* wgsl */ `
fn prepared(i: u32) -> f32 {
  var v = grads[i];
  let w = weights[i];
  if (p.l1 != 0.0) { v += p.l1 * sign(w); }
  if (p.l2 != 0.0) { v += 2.0 * p.l2 * w; }
  if (p.clipValueOn != 0u) { v = min(p.clipValue, max(-p.clipValue, v)); }
  return v;
}`;

/**
 * One optimizer step on the device for every parameter: with clipNorm, first the sum of squares of
 * all prepared gradients into one device scalar; then one update kernel per parameter (penalties,
 * clipValue, the global-norm scale, the rule); then max-norm on each weight. Nothing is downloaded.
 */
export function applyUpdates(
  ctx: GpuContext,
  rule: DeviceUpdateRule,
  params: readonly DeviceParamUpdate[],
  step: DeviceUpdateStep,
): void {
  const scalars = ruleScalars(rule, step);
  for (const u of params) checkParam(rule, u);
  let sumSquares: Tensor | undefined;
  if (step.clipNorm !== undefined) {
    const total = ctx.empty([]);
    params.forEach((u, i) => {
      addSumOfSquares(ctx, u, step, total, i > 0);
    });
    sumSquares = total;
  }
  for (const u of params) update(ctx, rule, u, step, scalars, sumSquares);
  if (step.maxNorm !== undefined) {
    for (const u of params) if (u.weight) maxNorm(ctx, u.w, step.maxNorm);
  }
}

function ruleScalars(rule: DeviceUpdateRule, step: DeviceUpdateStep): Uniform[] {
  return rule.scalars.map((name): Uniform => {
    if (FIXED_FIELDS.includes(name)) throw new Error(`optimizer ${rule.key}: scalar name '${name}' is reserved`);
    const value = step.scalars[name];
    if (value === undefined) throw new Error(`optimizer ${rule.key}: no value for scalar '${name}'`);
    return ['f32', value];
  });
}

function checkParam(rule: DeviceUpdateRule, u: DeviceParamUpdate): void {
  if (u.g.size !== u.w.size) {
    throw new Error(
      `optimizer ${rule.key}: gradient has ${u.g.size} values, the ${formatShape(u.w.shape)} parameter ${u.w.size}`,
    );
  }
  if (u.state.length !== rule.state.length) {
    throw new Error(
      `optimizer ${rule.key}: ${u.state.length} state tensors given, the rule keeps ${rule.state.length}`,
    );
  }
  for (const s of u.state) {
    if (s.size !== u.w.size)
      throw new Error(`optimizer ${rule.key}: a state tensor has ${s.size} values, not ${u.w.size}`);
  }
}

/** l1, l2, clipValue and clipValueOn: the penalties only on weights, as the host applies them. */
function gradientUniforms(u: DeviceParamUpdate, step: DeviceUpdateStep): Uniform[] {
  return [
    ['f32', u.weight ? (step.l1 ?? 0) : 0],
    ['f32', u.weight ? (step.l2 ?? 0) : 0],
    ['f32', step.clipValue ?? 0],
    ['u32', step.clipValue === undefined ? 0 : 1],
  ];
}

/**
 * total[0] (+)= the sum of squares of u's prepared gradient. One workgroup strides over the values
 * and sums its partial sums in a tree; the first parameter writes, the others add, and dispatches
 * run in order, so total ends as the squared global norm.
 */
function addSumOfSquares(
  ctx: GpuContext,
  u: DeviceParamUpdate,
  step: DeviceUpdateStep,
  total: Tensor,
  accumulate: boolean,
): void {
  ctx.dispatch({
    key: 'optimizer:sumOfSquares',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> grads: array<f32>;
@group(0) @binding(1) var<storage, read> weights: array<f32>;
@group(0) @binding(2) var<storage, read_write> total: array<f32>;
struct Params { count: u32, l1: f32, l2: f32, clipValue: f32, clipValueOn: u32, accumulate: u32 }
@group(0) @binding(3) var<uniform> p: Params;
var<workgroup> partial: array<f32, 256>;
${PREPARED}
@compute @workgroup_size(256)
fn main(@builtin(local_invocation_id) lid: vec3u) {
  var s = 0.0;
  for (var i = lid.x; i < p.count; i += 256u) {
    let v = prepared(i);
    s += v * v;
  }
  partial[lid.x] = s;
  workgroupBarrier();
  for (var stride = 128u; stride > 0u; stride >>= 1u) {
    if (lid.x < stride) { partial[lid.x] += partial[lid.x + stride]; }
    workgroupBarrier();
  }
  if (lid.x == 0u) { total[0] = select(0.0, total[0], p.accumulate != 0u) + partial[0]; }
}`,
    inputs: [u.g, u.w],
    outputs: [total],
    uniforms: [['u32', u.w.size], ...gradientUniforms(u, step), ['u32', accumulate ? 1 : 0]],
    workgroups: [1],
  });
}

function updateCode(rule: DeviceUpdateRule, clipNorm: boolean): string {
  const first = clipNorm ? 2 : 1;
  const stateBindings = rule.state
    .map((s, j) => `@group(0) @binding(${first + 1 + j}) var<storage, read_write> state_${s.name}: array<f32>;`)
    .join('\n');
  const fields = [
    'count: u32',
    'l1: f32',
    'l2: f32',
    'clipValue: f32',
    'clipValueOn: u32',
    'clipNorm: f32',
    ...rule.scalars.map((name) => `${name}: f32`),
  ].join(', ');
  return /* wgsl */ `
@group(0) @binding(0) var<storage, read> grads: array<f32>;
${clipNorm ? '@group(0) @binding(1) var<storage, read> sumSquares: array<f32>;' : ''}
@group(0) @binding(${first}) var<storage, read_write> weights: array<f32>;
${stateBindings}
struct Params { ${fields} }
@group(0) @binding(${first + 1 + rule.state.length}) var<uniform> p: Params;
${PREPARED}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.count) { return; }
  var grad = prepared(i);
  ${clipNorm ? 'let norm = sqrt(sumSquares[0]);\n  if (norm > p.clipNorm) { grad *= p.clipNorm / norm; }' : ''}
  let g = grad;
  var w = weights[i];
  ${rule.state.map((s) => `var ${s.name} = state_${s.name}[i];`).join('\n  ')}
  {
    ${rule.wgsl}
  }
  weights[i] = w;
  ${rule.state.map((s) => `state_${s.name}[i] = ${s.name};`).join('\n  ')}
}`;
}

function update(
  ctx: GpuContext,
  rule: DeviceUpdateRule,
  u: DeviceParamUpdate,
  step: DeviceUpdateStep,
  scalars: readonly Uniform[],
  sumSquares: Tensor | undefined,
): void {
  const clipNorm = sumSquares !== undefined;
  ctx.dispatch({
    key: `optimizer:${rule.key}:${clipNorm ? 'clipNorm' : 'plain'}`,
    code: updateCode(rule, clipNorm),
    inputs: sumSquares ? [u.g, sumSquares] : [u.g],
    outputs: [u.w, ...u.state],
    uniforms: [['u32', u.w.size], ...gradientUniforms(u, step), ['f32', step.clipNorm ?? 0], ...scalars],
    workgroups: groups1d(u.w.size),
  });
}

/**
 * Each output unit's incoming weights rescaled to norm at most maxNorm, one invocation per unit.
 * As applyMaxNorm: the unit is the last axis of a dense weight [inputs, units] (its weights a
 * column, stride units) and the first of a conv weight [out, in, kH, kW] (one contiguous block).
 */
function maxNorm(ctx: GpuContext, w: Tensor, limit: number): void {
  const dense = w.shape.length === 2;
  const units = dense ? w.shape[1] : w.shape[0];
  if (units === 0) return;
  const perUnit = w.size / units;
  ctx.dispatch({
    key: 'optimizer:maxNorm',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read_write> weights: array<f32>;
struct Params { units: u32, perUnit: u32, unitStep: u32, stride: u32, maxNorm: f32 }
@group(0) @binding(1) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let j = invocation(gid, groups);
  if (j >= p.units) { return; }
  let start = j * p.unitStep;
  var s = 0.0;
  for (var k = 0u; k < p.perUnit; k++) {
    let v = weights[start + k * p.stride];
    s += v * v;
  }
  let norm = sqrt(s);
  let factor = min(norm, p.maxNorm) / (${MAX_NORM_EPSILON} + norm);
  for (var k = 0u; k < p.perUnit; k++) { weights[start + k * p.stride] *= factor; }
}`,
    inputs: [],
    outputs: [w],
    uniforms: [
      ['u32', units],
      ['u32', perUnit],
      ['u32', dense ? 1 : perUnit],
      ['u32', dense ? units : 1],
      ['f32', limit],
    ],
    workgroups: groups1d(units),
  });
}
