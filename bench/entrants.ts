import { createCpuBackend } from '../src/core/backend/cpu';
import { openNodeWebGpu } from '../src/engine/gpu/node-gpu';
import { openTfjsCpu, openTfjsWebGpu } from './tfjs-peer';
import type { Entrant } from './types';

export type BackendChoice = 'cpu' | 'webgpu' | 'all';

/**
 * Our backends for the choice, each followed by its TensorFlow.js peer on the same device class.
 * Where no WebGPU adapter opens, the reason is logged and the CPU runs instead.
 */
export async function openEntrants(choice: BackendChoice, log: (line: string) => void): Promise<Entrant[]> {
  const gpu: Entrant[] = [];
  let cpuWanted = choice !== 'webgpu';
  if (choice !== 'cpu') {
    const opened = await openNodeWebGpu(true);
    if (opened.backend) {
      const { backend } = opened;
      gpu.push({ kind: 'ours', name: 'webgpu', device: 'gpu', description: backend.description, backend });
      const peer = await openTfjsWebGpu();
      if ('kind' in peer) gpu.push(peer);
      else log(`tfjs-webgpu: not available (${peer.reason}); the GPU rows have no peer`);
    } else {
      log(`webgpu: not available (${opened.reason}); continuing with the CPU`);
      cpuWanted = true;
    }
  }
  const cpu: Entrant[] = [];
  if (cpuWanted) {
    const backend = createCpuBackend();
    cpu.push({ kind: 'ours', name: 'cpu', device: 'cpu', description: backend.description, backend });
    cpu.push(await openTfjsCpu());
  }
  return [...cpu, ...gpu];
}
