import type { Shape } from '../../tensor/shape';
import type { Tensor } from '../../tensor/tensor';
import type { WindowGeometry } from '../backend';
import type { GpuContext } from './context';

export function col2im(_ctx: GpuContext, _cols: Tensor, _inputShape: Shape, _window: WindowGeometry): Tensor {
  throw new Error('WebGPU col2im: not written yet');
}
