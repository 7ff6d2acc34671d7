import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

/** Values of K loaded into workgroup memory per step. */
const TILE_K = 16;
/** Workgroups per dimension (WebGPU's default limit). */
const MAX_GROUPS = 65535;
/** Below this many output tiles, smaller tiles are used so more workgroups run at once. */
const ENOUGH_TILES = 64;

/** C = op(A) op(B) on [M, K] x [K, N], with 16x16 invocations per workgroup each computing R x R outputs. */
export function matmul(ctx: GpuContext, a: Tensor, b: Tensor, transposeA = false, transposeB = false): Tensor {
  if (a.shape.length !== 2 || b.shape.length !== 2) {
    throw new Error(`matmul needs rank-2 tensors, got [${a.shape}] and [${b.shape}]`);
  }
  const m = transposeA ? a.shape[1] : a.shape[0];
  const k = transposeA ? a.shape[0] : a.shape[1];
  const kb = transposeB ? b.shape[1] : b.shape[0];
  const n = transposeB ? b.shape[0] : b.shape[1];
  if (k !== kb) throw new Error(`matmul inner sizes differ: ${k} and ${kb}`);
  const out = ctx.empty([m, n]);
  const r = outputsPerInvocation(m, n);
  const tile = 16 * r;
  const columnTiles = Math.ceil(n / tile);
  const rowTiles = Math.ceil(m / tile);
  if (columnTiles > MAX_GROUPS) throw new Error(`matmul: ${n} columns are more than the GPU can dispatch`);
  ctx.dispatch({
    key: `matmul:${r}:${transposeA ? 'T' : 'N'}${transposeB ? 'T' : 'N'}`,
    code: matmulCode(r, transposeA, transposeB),
    inputs: [a, b],
    outputs: [out],
    uniforms: [
      ['u32', m],
      ['u32', k],
      ['u32', n],
    ],
    // Row tiles past the per-dimension limit go on into z.
    workgroups: [columnTiles, Math.min(rowTiles, MAX_GROUPS), Math.ceil(rowTiles / MAX_GROUPS)],
  });
  return out;
}

/** 4 x 4 outputs per invocation reuse each loaded value most; small products take smaller tiles to fill the GPU. */
function outputsPerInvocation(m: number, n: number): number {
  for (const r of [4, 2]) {
    if (Math.ceil(m / (16 * r)) * Math.ceil(n / (16 * r)) >= ENOUGH_TILES) return r;
  }
  return 1;
}

/**
 * Both tiles are stored K-major ([TILE_K][T], rows padded by one so column-wise stores do not hit
 * one memory bank), so the inner loop reads R values of A and R of B and does R x R multiply-adds.
 * Loads walk each operand in its memory order: consecutive invocations read consecutive addresses.
 */
function matmulCode(r: number, transposeA: boolean, transposeB: boolean): string {
  const t = 16 * r;
  return /* wgsl */ `
@group(0) @binding(0) var<storage, read> a: array<f32>;
@group(0) @binding(1) var<storage, read> b: array<f32>;
@group(0) @binding(2) var<storage, read_write> c: array<f32>;
struct Params { m: u32, k: u32, n: u32 }
@group(0) @binding(3) var<uniform> p: Params;
const R = ${r}u;
const T = ${t}u;
const TK = ${TILE_K}u;
const STRIDE = ${t + 1}u;
var<workgroup> tileA: array<f32, ${TILE_K * (t + 1)}>;
var<workgroup> tileB: array<f32, ${TILE_K * (t + 1)}>;

fn loadA(i: u32, q: u32) -> f32 {
  if (i >= p.m || q >= p.k) { return 0.0; }
  return a[${transposeA ? 'q * p.m + i' : 'i * p.k + q'}];
}

fn loadB(q: u32, j: u32) -> f32 {
  if (q >= p.k || j >= p.n) { return 0.0; }
  return b[${transposeB ? 'j * p.k + q' : 'q * p.n + j'}];
}

@compute @workgroup_size(16, 16)
fn main(
  @builtin(local_invocation_id) lid: vec3u,
  @builtin(workgroup_id) wid: vec3u,
  @builtin(num_workgroups) groups: vec3u,
) {
  let row0 = (wid.y + wid.z * groups.y) * T;
  let col0 = wid.x * T;
  // Uniform per workgroup (it depends only on the workgroup), so barriers stay valid.
  if (row0 >= p.m) { return; }
  let flat = lid.y * 16u + lid.x;
  var acc: array<f32, ${r * r}>;
  for (var k0 = 0u; k0 < p.k; k0 += TK) {
    for (var e = flat; e < TK * T; e += 256u) {
      ${transposeA ? 'let ai = e % T; let aq = e / T;' : 'let aq = e % TK; let ai = e / TK;'}
      tileA[aq * STRIDE + ai] = loadA(row0 + ai, k0 + aq);
      ${transposeB ? 'let bq = e % TK; let bj = e / TK;' : 'let bj = e % T; let bq = e / T;'}
      tileB[bq * STRIDE + bj] = loadB(k0 + bq, col0 + bj);
    }
    workgroupBarrier();
    for (var q = 0u; q < TK; q++) {
      let aAt = q * STRIDE + lid.y;
      let bAt = q * STRIDE + lid.x;
${innerProducts(r)}
    }
    workgroupBarrier();
  }
  // Invocations own rows lid.y + 16i and columns lid.x + 16j, so stores are contiguous across lid.x.
  for (var i = 0u; i < R; i++) {
    let row = row0 + lid.y + 16u * i;
    if (row >= p.m) { break; }
    for (var j = 0u; j < R; j++) {
      let col = col0 + lid.x + 16u * j;
      if (col < p.n) { c[row * p.n + col] = acc[i * R + j]; }
    }
  }
}`;
}

/** The R x R multiply-adds of one K step, unrolled so every accumulator index is a constant (a register). */
function innerProducts(r: number): string {
  const lines: string[] = [];
  for (let i = 0; i < r; i++) lines.push(`      let a${i} = tileA[aAt + ${16 * i}u];`);
  for (let j = 0; j < r; j++) {
    lines.push(`      let b${j} = tileB[bAt + ${16 * j}u];`);
    for (let i = 0; i < r; i++) lines.push(`      acc[${i * r + j}] = fma(a${i}, b${j}, acc[${i * r + j}]);`);
  }
  return lines.join('\n');
}
