import { existsSync, readdirSync } from 'node:fs';
import { type Backend, createCpuBackend, type DType } from '../core';
import type { WebGpuBackend } from '../core/backend/webgpu';
import { choice, type OptionSpecs, type ParsedArgs, stringFlag } from './args';
import { CliError, UsageError } from './errors';

export const backendChoices = ['auto', 'webgpu', 'cpu'] as const;
export type BackendChoice = (typeof backendChoices)[number];

export const backendOptions = { backend: { type: 'string' } } as const satisfies OptionSpecs;

export const backendOptionsHelp = `  --backend B         where the kernels run: auto (default; WebGPU on a hardware GPU, else the
                      CPU), webgpu (any WebGPU adapter, a software one such as SwiftShader too;
                      float32 only) or cpu`;

const swiftShaderIcd = '/usr/lib/chromium/vk_swiftshader_icd.json';

/** --backend, checked against the dtype the run computes in: WebGPU has no float64. */
export function backendFlag(command: string, parsed: ParsedArgs, dtype: DType): BackendChoice {
  const text = stringFlag(parsed, 'backend');
  const chosen = text === undefined ? 'auto' : choice(command, 'backend', text, backendChoices);
  if (chosen === 'webgpu' && dtype === 'float64')
    throw new UsageError(
      '--backend webgpu computes in float32 only; drop --dtype float64 or pass --backend cpu',
      command,
    );
  return chosen;
}

// The devices this process opened, by whether a software adapter was allowed: reused by later
// runs in the same process (their compiled kernels with them), destroyed when the command ends,
// since Dawn's threads would otherwise keep the process alive after the output is written.
const opened = new Map<boolean, WebGpuBackend>();

/**
 * The backend --backend asks for. auto: WebGPU on a hardware adapter, else the CPU (a software
 * adapter is slower than the CPU backend on the same cores), and always the CPU for float64.
 * webgpu: any adapter, software included; none is a user error that says how to get one.
 */
export async function openBackend(command: string, chosen: BackendChoice, dtype: DType): Promise<Backend> {
  if (chosen === 'cpu' || (chosen === 'auto' && (dtype === 'float64' || !mayHaveGpu()))) return createCpuBackend();
  const allowFallback = chosen === 'webgpu';
  const open = opened.get(allowFallback);
  if (open && !open.context.lost) return open;
  // Loaded here, not above: a CPU run need not compile the WebGPU kernels' modules.
  const { openNodeWebGpu } = await import('../engine/gpu/node-gpu');
  const result = await openNodeWebGpu(allowFallback);
  if (result.backend) {
    opened.set(allowFallback, result.backend);
    return result.backend;
  }
  if (chosen === 'auto') return createCpuBackend();
  throw new CliError(
    `backprop-studio ${command}: --backend webgpu: ${result.reason}; install a GPU driver, or point ` +
      `VK_ICD_FILENAMES at a Vulkan driver such as Chromium's SwiftShader (${swiftShaderIcd}), or pass --backend cpu`,
  );
}

/** Destroys every GPU device the command opened (its buffers too), so that the process can exit. */
export function closeBackends(): void {
  for (const backend of opened.values()) backend.context.device.destroy();
  opened.clear();
}

/**
 * Whether looking for a hardware adapter can succeed. On Linux a GPU shows as a device node;
 * without one, asking Dawn costs a third of a second and prints the warnings of whatever
 * unusable Vulkan drivers are installed (an old lavapipe), on every run.
 */
function mayHaveGpu(): boolean {
  if (process.platform !== 'linux') return true;
  if (existsSync('/dev/nvidia0') || existsSync('/dev/dxg')) return true;
  try {
    return readdirSync('/dev/dri').some((name) => name.startsWith('renderD'));
  } catch {
    return false;
  }
}
