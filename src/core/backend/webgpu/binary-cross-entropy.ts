import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

export function binaryCrossEntropy(_ctx: GpuContext, _a: Tensor, _y: Tensor, _epsilon: number): Tensor {
  throw new Error('WebGPU binaryCrossEntropy: not written yet');
}

export function binaryCrossEntropyGrad(_ctx: GpuContext, _a: Tensor, _y: Tensor, _epsilon: number): Tensor {
  throw new Error('WebGPU binaryCrossEntropyGrad: not written yet');
}
