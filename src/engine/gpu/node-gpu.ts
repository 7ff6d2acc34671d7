import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type OpenResult, openWebGpu } from './open-webgpu';

// Dawn's instance must outlive every device made from it: collecting it while a device runs
// tears down threads under that device (hangs and aborts). One instance per process, kept here.
let instance: GPU | undefined;

/**
 * WebGPU in Node through Dawn (the `webgpu` package). Loaded on demand: the CPU backend must keep
 * working where the native module cannot load (an unsupported platform, a missing Vulkan loader).
 */
export async function openNodeWebGpu(allowFallback: boolean): Promise<OpenResult> {
  if (!instance) {
    // Vulkan drivers complain on stderr when XDG_RUNTIME_DIR is missing (headless machines, CI).
    if (!process.env.XDG_RUNTIME_DIR) process.env.XDG_RUNTIME_DIR = mkdtempSync(join(tmpdir(), 'backprop-studio-'));
    try {
      const dawn = (await import('webgpu')) as { create(flags: string[]): GPU; globals: object };
      instance = dawn.create([]);
    } catch (e) {
      return { reason: `the WebGPU module (Dawn) did not load: ${(e as Error).message}` };
    }
  }
  return openWebGpu(instance, allowFallback);
}
