import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

export function matmul(_ctx: GpuContext, _a: Tensor, _b: Tensor, _transposeA = false, _transposeB = false): Tensor {
  throw new Error('WebGPU matmul: not written yet');
}
