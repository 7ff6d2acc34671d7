import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

export function sum(_ctx: GpuContext, _x: Tensor): Tensor {
  throw new Error('WebGPU sum: not written yet');
}

export function sumColumns(_ctx: GpuContext, _x: Tensor): Tensor {
  throw new Error('WebGPU sumColumns: not written yet');
}
