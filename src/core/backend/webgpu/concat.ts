import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

export function concat(_ctx: GpuContext, _xs: Tensor[], _axis: number): Tensor {
  throw new Error('WebGPU concat: not written yet');
}

export function split(_ctx: GpuContext, _x: Tensor, _sizes: readonly number[], _axis: number): Tensor[] {
  throw new Error('WebGPU split: not written yet');
}
