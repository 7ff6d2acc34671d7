import { existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { ChannelView } from '../../../src/core/backend/backend';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import type { WebGpuBackend } from '../../../src/core/backend/webgpu';
import type { Shape } from '../../../src/core/tensor/shape';
import { Tensor } from '../../../src/core/tensor/tensor';
import { Rng } from '../../../src/core/train/rng';
import { openNodeWebGpu } from '../../../src/engine/gpu/node-gpu';

const SWIFTSHADER = '/usr/lib/chromium/vk_swiftshader_icd.json';

/**
 * Where no GPU driver is set up, Vulkan is pointed at Chromium's SwiftShader (DESIGN.md), so the
 * WebGPU tests run for real in CI. They fail, never skip, when no adapter opens.
 */
export function useSwiftShaderUnlessSet(): void {
  if (!process.env.VK_ICD_FILENAMES && existsSync(SWIFTSHADER)) process.env.VK_ICD_FILENAMES = SWIFTSHADER;
  if (!process.env.XDG_RUNTIME_DIR) {
    const dir = join(tmpdir(), `backprop-studio-xdg-${process.pid}`);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    process.env.XDG_RUNTIME_DIR = dir;
  }
}

let opened: Promise<WebGpuBackend> | undefined;

/** One WebGPU backend per test file (a vitest worker), its adapter printed once. */
export function gpuBackend(): Promise<WebGpuBackend> {
  opened ??= (async () => {
    useSwiftShaderUnlessSet();
    const result = await openNodeWebGpu(true);
    if (!result.backend) throw new Error(`WebGPU tests need an adapter: ${result.reason}`);
    console.log(`WebGPU tests run on ${result.backend.description}`);
    return result.backend;
  })();
  return opened;
}

export const cpu = createCpuBackend();

/** A per-channel view [outer, channels, inner], and the shape of a tensor seen that way. */
export const view = (outer: number, channels: number, inner: number): ChannelView => ({ outer, channels, inner });
export const shapeOf = (v: ChannelView) => [v.outer, v.channels, v.inner];

/** Seeded values in [low, high), float32. */
export function randomTensor(shape: Shape, seed: number, low = -1, high = 1): Tensor {
  const rng = new Rng(seed);
  const t = Tensor.zeros(shape, 'float32');
  for (let i = 0; i < t.size; i++) t.data[i] = rng.uniform(low, high);
  return t;
}

/**
 * Downloads the GPU result and compares it with the CPU backend's, value by value, within a
 * float32 tolerance relative to the largest magnitude in the expected values.
 */
export async function expectMatchesCpu(gpu: WebGpuBackend, actual: Tensor, expected: Tensor, tolerance = 1e-5) {
  await gpu.download([actual]);
  expect(actual.shape).toEqual(expected.shape);
  let scale = 1;
  for (const v of expected.data) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  let at = -1;
  for (let i = 0; i < expected.size; i++) {
    const e = expected.data[i];
    const a = actual.data[i];
    if ((Number.isNaN(e) && Number.isNaN(a)) || a === e) continue;
    const err = Math.abs(a - e) / scale;
    if (!(err <= worst)) {
      worst = err;
      at = i;
    }
  }
  if (!(worst <= tolerance)) {
    throw new Error(
      `GPU and CPU differ at flat index ${at}: ${actual.data[at]} vs ${expected.data[at]} (relative ${worst.toExponential(2)} > ${tolerance})`,
    );
  }
}
