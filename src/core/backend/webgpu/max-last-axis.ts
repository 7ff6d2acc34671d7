import type { Tensor } from '../../tensor/tensor';
import type { GpuContext } from './context';

export function maxLastAxis(_ctx: GpuContext, _x: Tensor): Tensor {
  throw new Error('WebGPU maxLastAxis: not written yet');
}

export function maxLastAxisBackward(_ctx: GpuContext, _x: Tensor, _dy: Tensor): Tensor {
  throw new Error('WebGPU maxLastAxisBackward: not written yet');
}
