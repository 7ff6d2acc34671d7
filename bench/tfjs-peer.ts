import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { Entrant } from './types';

let gradients: Promise<void> | undefined;

/**
 * tfjs-core's CommonJS bundle (what Node loads) registers no gradients; they ship only as ES
 * modules with extensionless imports. tsx's require hook loads those; under vitest, Vite does.
 * Both register into tfjs's global registry, so either reaches the same engine.
 */
function registerGradients(): Promise<void> {
  gradients ??= (async () => {
    try {
      createRequire(import.meta.url)('@tensorflow/tfjs-core/dist/register_all_gradients');
    } catch {
      await import('@tensorflow/tfjs-core/dist/register_all_gradients');
    }
  })();
  return gradients;
}

async function ready(): Promise<void> {
  await registerGradients();
  // PROD: no debug checks, and no console advice to install tfjs-node.
  tf.env().set('PROD', true);
}

export async function openTfjsCpu(): Promise<Entrant> {
  await ready();
  if (!(await tf.setBackend('cpu'))) throw new Error('the tfjs CPU backend did not initialise');
  return {
    kind: 'tfjs',
    name: 'tfjs-cpu',
    device: 'cpu',
    description: 'TensorFlow.js 4.22 CPU (JavaScript)',
    tf,
    tfBackend: 'cpu',
  };
}

// Dawn's instance must outlive the devices made from it (see src/engine/gpu/node-gpu.ts): kept for the process.
let dawnGpu: GPU | undefined;

/**
 * @tensorflow/tfjs-backend-webgpu in Node: it registers itself on import when navigator.gpu exists,
 * so Dawn's GPU (the `webgpu` package, a second instance beside our backend's) is put there first,
 * with the WebGPU constants (GPUBufferUsage, ...) it reads as globals.
 */
export async function openTfjsWebGpu(): Promise<Entrant | { reason: string }> {
  try {
    await ready();
    if (!dawnGpu) {
      const dawn = (await import('webgpu')) as { create(flags: string[]): GPU; globals: Record<string, unknown> };
      const g = globalThis as Record<string, unknown>;
      for (const [name, value] of Object.entries(dawn.globals)) if (!(name in g)) g[name] = value;
      dawnGpu = dawn.create([]);
      if (g.navigator === undefined) g.navigator = {};
      (g.navigator as { gpu?: GPU }).gpu = dawnGpu;
    }
    const adapter = await dawnGpu.requestAdapter({ powerPreference: 'high-performance' });
    if (!adapter) return { reason: 'Dawn offers no WebGPU adapter' };
    await import('@tensorflow/tfjs-backend-webgpu');
    if (!(await tf.setBackend('webgpu'))) return { reason: 'tf.setBackend("webgpu") failed' };
    const { vendor, architecture, device, description } = adapter.info;
    const name = [vendor, architecture, device].filter(Boolean).join(' ') || description;
    return {
      kind: 'tfjs',
      name: 'tfjs-webgpu',
      device: 'gpu',
      description: `TensorFlow.js 4.22 WebGPU (${name})`,
      tf,
      tfBackend: 'webgpu',
    };
  } catch (e) {
    return { reason: (e as Error).message };
  }
}
