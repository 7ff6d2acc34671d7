import { type Backend, createCpuBackend, type DType } from '../core';
import { DeviceLostError, type WebGpuBackend } from '../core/backend/webgpu';
import type { BackendPreference, BackendStatus } from '../protocol/backend';
import type { OpenResult } from './gpu/open-webgpu';

/** Opens a WebGPU backend where the host has one (Dawn in Node, navigator.gpu in a worker). */
export type GpuOpener = (allowFallback: boolean) => Promise<OpenResult>;

const CPU_ONLY = 'this engine host has no WebGPU';

/**
 * The engine's backends: the CPU always, a WebGPU one when the preference and the machine allow.
 * float32 work runs on the active one; float64 work (exact debugger numbers, gradient checks)
 * on the CPU, since WGSL has no 64-bit floats.
 */
export class EngineBackends {
  readonly cpu: Backend = createCpuBackend();
  private gpu: WebGpuBackend | undefined;
  private current: BackendStatus;

  constructor(private readonly openGpu?: GpuOpener) {
    this.current = { preference: 'auto', active: 'cpu', description: this.cpu.description, note: CPU_ONLY };
  }

  /** The WebGPU backend once opened (whether or not it is the active one). */
  get webgpu(): WebGpuBackend | undefined {
    return this.gpu;
  }

  get status(): BackendStatus {
    return this.current;
  }

  /** Where float32 work runs now. */
  get active(): Backend {
    return this.current.active === 'webgpu' && this.gpu ? this.gpu : this.cpu;
  }

  forDtype(dtype: DType = 'float32'): Backend {
    const active = this.active;
    return active.dtypes.includes(dtype) ? active : this.cpu;
  }

  /** Applies a preference: opens the GPU if needed (once; kept while it works), or puts it away for 'cpu'. */
  async choose(preference: BackendPreference): Promise<BackendStatus> {
    if (preference === 'cpu') {
      this.current = { preference, active: 'cpu', description: this.cpu.description };
      return this.current;
    }
    const allowFallback = preference === 'webgpu';
    if (!this.gpu || this.gpu.context.lost || (this.gpu.adapter.fallback && !allowFallback)) {
      const opened: OpenResult = this.openGpu ? await this.openGpu(allowFallback) : { reason: CPU_ONLY };
      if (!opened.backend) {
        this.current = { preference, active: 'cpu', description: this.cpu.description, note: opened.reason };
        return this.current;
      }
      this.gpu?.context.device.destroy();
      this.gpu = opened.backend;
    }
    this.current = { preference, active: 'webgpu', description: this.gpu.description };
    return this.current;
  }

  /** Whether an error means the GPU is gone, so the work should move to the CPU. */
  lostDevice(e: unknown): boolean {
    return e instanceof DeviceLostError || (this.current.active === 'webgpu' && this.gpu?.context.lost === true);
  }

  /** After a lost device: the CPU from now on, with the reason shown until the user picks again. */
  fallBackToCpu(reason: string): BackendStatus {
    this.current = {
      preference: this.current.preference,
      active: 'cpu',
      description: this.cpu.description,
      note: `the GPU was lost (${reason}); running on the CPU`,
    };
    return this.current;
  }
}
