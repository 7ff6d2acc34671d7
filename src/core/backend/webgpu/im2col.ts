import type { Tensor } from '../../tensor/tensor';
import type { WindowGeometry } from '../backend';
import type { GpuContext } from './context';

export function im2col(_ctx: GpuContext, _x: Tensor, _window: WindowGeometry, _padValue: number): Tensor {
  throw new Error('WebGPU im2col: not written yet');
}
