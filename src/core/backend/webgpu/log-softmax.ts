import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

export function logSoftmax(_ctx: GpuContext, _x: Tensor): Tensor {
  throw new Error('WebGPU logSoftmax: not written yet');
}
