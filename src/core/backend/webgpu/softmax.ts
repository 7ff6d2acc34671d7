import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

export function softmax(_ctx: GpuContext, _x: Tensor): Tensor {
  throw new Error('WebGPU softmax: not written yet');
}

export function softmaxBackward(_ctx: GpuContext, _y: Tensor, _dy: Tensor): Tensor {
  throw new Error('WebGPU softmaxBackward: not written yet');
}
