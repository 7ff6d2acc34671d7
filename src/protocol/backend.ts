/** Which compute backend the user asked for: auto picks a hardware GPU when there is one. */
export type BackendPreference = 'auto' | 'webgpu' | 'cpu';

export const BACKEND_PREFERENCES: readonly BackendPreference[] = ['auto', 'webgpu', 'cpu'];

/** What the engine computes on, for the status bar and preferences. */
export interface BackendStatus {
  preference: BackendPreference;
  /** Where float32 work (training, inspection) runs. float64 work (exact traces, gradient checks) always runs on the CPU. */
  active: 'webgpu' | 'cpu';
  /** "WebGPU (nvidia ampere ...)" or "CPU (JavaScript)". */
  description: string;
  /** Why WebGPU is not active (no adapter, only a software one, the device was lost), when it is not. */
  note?: string;
}

export interface SetBackendParams {
  preference: BackendPreference;
}

/** The GPU went away (driver reset, sleep): the engine moved to the CPU and the model with it. */
export interface BackendChangedEvent {
  kind: 'event';
  type: 'backend-changed';
  status: BackendStatus;
  message: string;
}
