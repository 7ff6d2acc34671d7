import type { Tensor } from '../../tensor/tensor';
import type { ChannelView, LrnOptions } from '../backend';
import type { GpuContext } from './context';

export function localResponseNorm(_ctx: GpuContext, _x: Tensor, _options: LrnOptions, _view: ChannelView): Tensor {
  throw new Error('WebGPU localResponseNorm: not written yet');
}

export function localResponseNormBackward(
  _ctx: GpuContext,
  _x: Tensor,
  _dy: Tensor,
  _options: LrnOptions,
  _view: ChannelView,
): Tensor {
  throw new Error('WebGPU localResponseNormBackward: not written yet');
}
