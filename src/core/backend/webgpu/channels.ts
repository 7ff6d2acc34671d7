import type { Tensor } from '../../tensor/tensor';
import type { ChannelView } from '../backend';
import { checkView } from '../cpu/channels';
import { type GpuContext, groups1d, type Uniform } from './context';

export { checkView };

export function checkPerChannel(op: string, name: string, v: Tensor, view: ChannelView): void {
  if (v.size !== view.channels) {
    throw new Error(`${op}: ${name} has ${v.size} values but the view has ${view.channels} channels`);
  }
}

/** A kernel's storage inputs: the WGSL name each tensor is read under. */
export type Named = readonly (readonly [string, Tensor])[];

function bindings(inputs: Named, output: string): string {
  const lines = inputs.map(([name], i) => `@group(0) @binding(${i}) var<storage, read> ${name}: array<f32>;`);
  lines.push(`@group(0) @binding(${inputs.length}) var<storage, read_write> ${output}: array<f32>;`);
  return lines.join('\n');
}

function params(fields: readonly (readonly [string, Uniform])[], binding: number): string {
  const struct = fields.map(([name, [type]]) => `${name}: ${type}`).join(', ');
  return `struct Params { ${struct} }\n@group(0) @binding(${binding}) var<uniform> p: Params;`;
}

/** Sums per channel of one or two WGSL terms in `at` (flat index) and `c` (channel). */
export interface ChannelReduction {
  /** Names the terms and inputs: the same key must always come with the same terms. */
  key: string;
  inputs: Named;
  terms: readonly [string] | readonly [string, string];
  /** Each sum is divided by it (the count, for means). */
  divisor?: number;
}

// A workgroup per channel (or per block of a channel) keeps the reads along inner coalesced; a
// channel is split into blocks only when there are too few channels to fill the device. Many
// channels of few values each go to the column kernel instead, so no workgroup idles. Workgroups
// of 64 that loop over 64+ values each: software adapters (SwiftShader) pay per invocation of a
// kernel with barriers, 7x more for 256-wide groups of 8 values each in a measurement.
const COLUMN_COUNT = 256;
const VALUES_PER_GROUP = 4096;
const TARGET_GROUPS = 1024;
const MAX_BLOCKS = 256;

/**
 * [terms * channels]: term t of channel c at t * channels + c. Each invocation sums a strided run
 * of a channel's values and the workgroup then sums those, so float32 rounding grows with the
 * values per invocation rather than with the count.
 */
export function channelReduce(ctx: GpuContext, view: ChannelView, r: ChannelReduction): Tensor {
  const { outer, channels, inner } = view;
  const out = ctx.empty([r.terms.length * channels]);
  const count = outer * inner;
  if (channels >= 64 && (inner === 1 || count < COLUMN_COUNT)) {
    reduceColumns(ctx, view, r, out);
    return out;
  }
  const wanted = Math.min(Math.ceil(count / VALUES_PER_GROUP), Math.ceil(TARGET_GROUPS / channels), MAX_BLOCKS);
  const blocks = Math.max(1, wanted);
  if (blocks === 1) {
    reduceBlocks(ctx, view, r, 1, r.divisor ?? 1, out);
    return out;
  }
  const partial = ctx.empty([r.terms.length * channels * blocks]);
  reduceBlocks(ctx, view, r, blocks, 1, partial);
  sumBlocks(ctx, partial, blocks, r.divisor ?? 1, out);
  partial.dispose();
  return out;
}

function accumulator(r: ChannelReduction): { type: string; value: string } {
  return r.terms.length === 1
    ? { type: 'f32', value: r.terms[0] }
    : { type: 'vec2f', value: `vec2f(${r.terms[0]}, ${r.terms[1]})` };
}

/** out[t * n + g] = the t-th component of value / divisor, for each term. */
function writeTerms(r: ChannelReduction, n: string, g: string, value: string): string {
  if (r.terms.length === 1) return `out[${g}] = ${value} / p.divisor;`;
  return `out[${g}] = ${value}.x / p.divisor; out[${n} + ${g}] = ${value}.y / p.divisor;`;
}

/** Workgroup g sums block g % blocks of channel g / blocks, strided over the channel's outer * inner values. */
function reduceBlocks(
  ctx: GpuContext,
  view: ChannelView,
  r: ChannelReduction,
  blocks: number,
  divisor: number,
  out: Tensor,
): void {
  const { type, value } = accumulator(r);
  const fields: [string, Uniform][] = [
    ['channels', ['u32', view.channels]],
    ['inner', ['u32', view.inner]],
    ['count', ['u32', view.outer * view.inner]],
    ['blocks', ['u32', blocks]],
    ['divisor', ['f32', divisor]],
  ];
  const groups = view.channels * blocks;
  ctx.dispatch({
    key: `channelReduce:blocks:${r.key}`,
    code: /* wgsl */ `
${bindings(r.inputs, 'out')}
${params(fields, r.inputs.length + 1)}
var<workgroup> partial: array<${type}, 64>;
@compute @workgroup_size(64)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u,
        @builtin(num_workgroups) groups: vec3u) {
  let g = wid.x + wid.y * groups.x;
  if (g >= p.channels * p.blocks) { return; }
  let c = g / p.blocks;
  var acc = ${type}(0.0);
  for (var k = (g % p.blocks) * 64u + lid.x; k < p.count; k += 64u * p.blocks) {
    let o = k / p.inner;
    let at = (o * p.channels + c) * p.inner + (k - o * p.inner);
    acc += ${value};
  }
  partial[lid.x] = acc;
  workgroupBarrier();
  // Two levels of 8 rather than a binary tree: 2 barriers instead of 6, and adjacent threads
  // read adjacent words.
  if (lid.x < 8u) {
    var s = ${type}(0.0);
    for (var j = 0u; j < 64u; j += 8u) { s += partial[j + lid.x]; }
    partial[lid.x] = s;
  }
  workgroupBarrier();
  if (lid.x == 0u) {
    var total = ${type}(0.0);
    for (var j = 0u; j < 8u; j++) { total += partial[j]; }
    ${writeTerms(r, 'p.channels * p.blocks', 'g', 'total')}
  }
}`,
    inputs: r.inputs.map(([, t]) => t),
    outputs: [out],
    uniforms: fields.map(([, u]) => u),
    workgroups: spread(groups),
  });
}

/** out[i] = the sum of partial[i * blocks ..< (i + 1) * blocks] / divisor. */
function sumBlocks(ctx: GpuContext, partial: Tensor, blocks: number, divisor: number, out: Tensor): void {
  ctx.dispatch({
    key: 'channelReduce:sumBlocks',
    code: /* wgsl */ `
@group(0) @binding(0) var<storage, read> partial: array<f32>;
@group(0) @binding(1) var<storage, read_write> out: array<f32>;
struct Params { n: u32, blocks: u32, divisor: f32 }
@group(0) @binding(2) var<uniform> p: Params;
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  var s = 0.0;
  for (var b = 0u; b < p.blocks; b++) { s += partial[i * p.blocks + b]; }
  out[i] = s / p.divisor;
}`,
    inputs: [partial],
    outputs: [out],
    uniforms: [
      ['u32', out.size],
      ['u32', blocks],
      ['f32', divisor],
    ],
    workgroups: groups1d(out.size),
  });
}

// With inner = 1 a channel's values are `channels` apart, so 64 adjacent channels share a
// workgroup (coalesced rows) and 4 lanes per channel split the channel's values.
function reduceColumns(ctx: GpuContext, view: ChannelView, r: ChannelReduction, out: Tensor): void {
  const { type, value } = accumulator(r);
  const fields: [string, Uniform][] = [
    ['channels', ['u32', view.channels]],
    ['inner', ['u32', view.inner]],
    ['count', ['u32', view.outer * view.inner]],
    ['divisor', ['f32', r.divisor ?? 1]],
  ];
  ctx.dispatch({
    key: `channelReduce:columns:${r.key}`,
    code: /* wgsl */ `
${bindings(r.inputs, 'out')}
${params(fields, r.inputs.length + 1)}
var<workgroup> partial: array<${type}, 256>;
@compute @workgroup_size(64, 4)
fn main(@builtin(local_invocation_id) lid: vec3u, @builtin(workgroup_id) wid: vec3u,
        @builtin(num_workgroups) groups: vec3u) {
  let c = (wid.x + wid.y * groups.x) * 64u + lid.x;
  var acc = ${type}(0.0);
  if (c < p.channels) {
    // Runs of 16 values per lane summed apart, then together, so rounding grows with count / 64.
    for (var run = lid.y; run < p.count; run += 64u) {
      var part = ${type}(0.0);
      for (var k = run; k < min(run + 64u, p.count); k += 4u) {
        let o = k / p.inner;
        let at = (o * p.channels + c) * p.inner + (k - o * p.inner);
        part += ${value};
      }
      acc += part;
    }
  }
  partial[lid.y * 64u + lid.x] = acc;
  workgroupBarrier();
  if (lid.y == 0u && c < p.channels) {
    let total = ((partial[lid.x] + partial[64u + lid.x]) + (partial[128u + lid.x] + partial[192u + lid.x]));
    ${writeTerms(r, 'p.channels', 'c', 'total')}
  }
}`,
    inputs: r.inputs.map(([, t]) => t),
    outputs: [out],
    uniforms: fields.map(([, u]) => u),
    workgroups: spread(Math.ceil(view.channels / 64)),
  });
}

/** n workgroups within the 65535 limit per dimension; kernels flatten them as x + y * groups.x. */
function spread(n: number): [number, number] {
  if (n <= 65535) return [n, 1];
  return [65535, Math.ceil(n / 65535)];
}

/** An element-wise kernel over a view: `body` sets out[i] from `i` and its channel `c`. */
export interface ChannelMap {
  key: string;
  inputs: Named;
  body: string;
  uniforms?: readonly (readonly [string, Uniform])[];
}

export function channelMap(ctx: GpuContext, shape: readonly number[], view: ChannelView, m: ChannelMap): Tensor {
  const out = ctx.empty(shape);
  const n = view.outer * view.channels * view.inner;
  const fields: (readonly [string, Uniform])[] = [
    ['n', ['u32', n]],
    ['channels', ['u32', view.channels]],
    ['inner', ['u32', view.inner]],
    ...(m.uniforms ?? []),
  ];
  ctx.dispatch({
    key: `channelMap:${m.key}`,
    code: /* wgsl */ `
${bindings(m.inputs, 'out')}
${params(fields, m.inputs.length + 1)}
@compute @workgroup_size(64)
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) groups: vec3u) {
  let i = invocation(gid, groups);
  if (i >= p.n) { return; }
  let c = (i / p.inner) % p.channels;
  ${m.body}
}`,
    inputs: m.inputs.map(([, t]) => t),
    outputs: [out],
    uniforms: fields.map(([, u]) => u),
    workgroups: groups1d(n),
  });
  return out;
}

export function channelSums(ctx: GpuContext, x: Tensor, view: ChannelView): Tensor {
  checkView('channelSums', x, view);
  return channelReduce(ctx, view, { key: 'sum', inputs: [['x', x]], terms: ['x[at]'] });
}

export function channelAffine(
  ctx: GpuContext,
  x: Tensor,
  scale: Tensor,
  shift: Tensor | undefined,
  view: ChannelView,
): Tensor {
  checkView('channelAffine', x, view);
  checkPerChannel('channelAffine', 'scale', scale, view);
  if (shift) checkPerChannel('channelAffine', 'shift', shift, view);
  const inputs: Named = shift
    ? [
        ['x', x],
        ['scale', scale],
        ['shift', shift],
      ]
    : [
        ['x', x],
        ['scale', scale],
      ];
  const body = shift ? 'out[i] = x[i] * scale[c] + shift[c];' : 'out[i] = x[i] * scale[c];';
  return channelMap(ctx, x.shape, view, { key: shift ? 'affine' : 'scale', inputs, body });
}
