import type { Tensor } from '../../tensor/tensor';
import type { ChannelView } from '../backend';
import type { GpuContext } from './context';

export function channelSums(_ctx: GpuContext, _x: Tensor, _view: ChannelView): Tensor {
  throw new Error('WebGPU channelSums: not written yet');
}

export function channelAffine(
  _ctx: GpuContext,
  _x: Tensor,
  _scale: Tensor,
  _shift: Tensor | undefined,
  _view: ChannelView,
): Tensor {
  throw new Error('WebGPU channelAffine: not written yet');
}
