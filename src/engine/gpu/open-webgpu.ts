import { type AdapterSummary, createWebGpuBackend, type WebGpuBackend } from '../../core/backend/webgpu';

export type BackendPreference = 'auto' | 'webgpu' | 'cpu';

export type OpenResult = { backend: WebGpuBackend } | { backend?: undefined; reason: string };

/**
 * A WebGPU backend on the best adapter `gpu` offers. `allowFallback` admits a software adapter
 * (SwiftShader): right for an explicit choice and for tests, wrong for "auto", where the CPU
 * backend is faster than a GPU emulated on the same CPU.
 */
export async function openWebGpu(gpu: GPU | undefined, allowFallback: boolean): Promise<OpenResult> {
  if (!gpu) return { reason: 'this runtime has no WebGPU (navigator.gpu is missing)' };
  let adapter: GPUAdapter | null;
  try {
    adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
  } catch (e) {
    return { reason: `requesting a WebGPU adapter failed: ${(e as Error).message}` };
  }
  if (!adapter) return { reason: 'no WebGPU adapter is available' };
  const summary = summarize(adapter);
  if (summary.fallback && !allowFallback) {
    const name =
      [summary.vendor, summary.architecture, summary.device].filter(Boolean).join(' ') || summary.description;
    return { reason: `the only WebGPU adapter is a software one${name ? ` (${name})` : ''}` };
  }
  try {
    const device = await adapter.requestDevice({
      requiredLimits: {
        maxStorageBufferBindingSize: adapter.limits.maxStorageBufferBindingSize,
        maxBufferSize: adapter.limits.maxBufferSize,
        maxComputeWorkgroupStorageSize: adapter.limits.maxComputeWorkgroupStorageSize,
      },
    });
    return { backend: createWebGpuBackend(device, summary) };
  } catch (e) {
    return { reason: `the WebGPU adapter gave no device: ${(e as Error).message}` };
  }
}

function summarize(adapter: GPUAdapter): AdapterSummary {
  // Older implementations have no adapter.info, and isFallbackAdapter moved into it.
  const info = (adapter as GPUAdapter & { info?: GPUAdapterInfo }).info;
  const legacyFallback = (adapter as GPUAdapter & { isFallbackAdapter?: boolean }).isFallbackAdapter;
  const vendor = info?.vendor ?? '';
  const device = info?.device ?? '';
  const software = /swiftshader|llvmpipe|lavapipe|software/i.test(`${vendor} ${device} ${info?.description ?? ''}`);
  return {
    vendor,
    architecture: info?.architecture ?? '',
    device,
    description: info?.description ?? '',
    fallback:
      Boolean((info as { isFallbackAdapter?: boolean } | undefined)?.isFallbackAdapter ?? legacyFallback) || software,
  };
}
