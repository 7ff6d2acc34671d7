import type { BackendPreference, BackendStatus } from '../../protocol/backend';

/** The choices of the Preferences dialog, in its order, with what each one means. */
export const PREFERENCE_CHOICES: readonly { value: BackendPreference; label: string; detail: string }[] = [
  { value: 'auto', label: 'Automatic', detail: 'a hardware GPU when there is one, else the CPU' },
  { value: 'webgpu', label: 'WebGPU', detail: 'any adapter, including a software one (SwiftShader)' },
  { value: 'cpu', label: 'CPU', detail: 'JavaScript on the CPU, float64 in the debugger' },
];

export function preferenceLabel(preference: BackendPreference): string {
  return PREFERENCE_CHOICES.find((c) => c.value === preference)?.label ?? preference;
}

/** The adapter inside "WebGPU (google swiftshader, software)": "google swiftshader, software". */
export function adapterName(status: BackendStatus): string {
  return /^WebGPU \((.*)\)$/.exec(status.description)?.[1] ?? status.description.replace(/^WebGPU\s*/, '');
}

/** Short enough for the status bar: "WebGPU · google swiftshader (software)" or "CPU". */
export function backendLabel(status: BackendStatus): string {
  if (status.active === 'cpu') return 'CPU';
  const adapter = adapterName(status).replace(/, software$/, ' (software)');
  return adapter ? `WebGPU · ${adapter}` : 'WebGPU';
}

/** What the numbers on screen are computed in on this backend. */
export function precisionText(active: BackendStatus['active']): string {
  return active === 'webgpu'
    ? 'float32 on the GPU (about 7 significant digits); gradient checks still run in float64 on the CPU'
    : 'float64 on the CPU (the debugger shows 9 significant digits)';
}

/** Why WebGPU is not in use, when it is not and the engine said why. */
export function whyNotGpu(status: BackendStatus): string | null {
  if (status.active === 'webgpu' || !status.note) return null;
  // An adapter that names nothing leaves an empty "()" in the engine's sentence.
  return status.note.replace(/\s*\(\)/g, '');
}

/** What the toast says once a change of backend is done. */
export function switchResult(status: BackendStatus): string {
  if (status.active === 'webgpu') return `Now computing on ${status.description}, in float32.`;
  if (status.preference === 'cpu') return 'Now computing on the CPU, in float64.';
  const why = whyNotGpu(status);
  return `WebGPU is not available${why ? `: ${why}` : ''}; still on the CPU.`;
}
