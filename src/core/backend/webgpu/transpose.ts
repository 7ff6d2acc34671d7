import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

export function transpose(_ctx: GpuContext, _x: Tensor, _perm: readonly number[]): Tensor {
  throw new Error('WebGPU transpose: not written yet');
}
