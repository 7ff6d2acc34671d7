import type { Tensor } from '../../tensor/tensor';
import type { ChannelView } from '../backend';
import type { GpuContext } from './context';

export function moments(_ctx: GpuContext, _x: Tensor, _view: ChannelView): { mean: Tensor; variance: Tensor } {
  throw new Error('WebGPU moments: not written yet');
}

export function normalize(
  _ctx: GpuContext,
  _x: Tensor,
  _mean: Tensor,
  _variance: Tensor,
  _epsilon: number,
  _view: ChannelView,
): Tensor {
  throw new Error('WebGPU normalize: not written yet');
}

export function normalizeBackward(
  _ctx: GpuContext,
  _xHat: Tensor,
  _dxHat: Tensor,
  _variance: Tensor,
  _epsilon: number,
  _view: ChannelView,
): Tensor {
  throw new Error('WebGPU normalizeBackward: not written yet');
}
