import { allocate, Tensor } from '../../tensor/tensor';
import type { ChannelView } from '../backend';

export function checkView(op: string, x: Tensor, view: ChannelView): void {
  if (view.outer * view.channels * view.inner !== x.size) {
    throw new Error(
      `${op}: a view of ${view.outer} x ${view.channels} x ${view.inner} does not cover ${x.size} values`,
    );
  }
}

function checkPerChannel(op: string, name: string, v: Tensor, view: ChannelView): void {
  if (v.size !== view.channels) {
    throw new Error(`${op}: ${name} has ${v.size} values but the view has ${view.channels} channels`);
  }
}

export function channelSums(x: Tensor, view: ChannelView): Tensor {
  checkView('channelSums', x, view);
  const { outer, channels, inner } = view;
  // Accumulated in float64: with inner = 1 the sum runs over the whole batch, serially.
  const out = new Float64Array(channels);
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      const start = (o * channels + c) * inner;
      let s = 0;
      for (let i = 0; i < inner; i++) s += x.data[start + i];
      out[c] += s;
    }
  }
  return Tensor.fromArray([channels], out, x.dtype);
}

export function channelAffine(x: Tensor, scale: Tensor, shift: Tensor | undefined, view: ChannelView): Tensor {
  checkView('channelAffine', x, view);
  checkPerChannel('channelAffine', 'scale', scale, view);
  if (shift) checkPerChannel('channelAffine', 'shift', shift, view);
  const { outer, channels, inner } = view;
  const out = allocate(x.dtype, x.size);
  for (let o = 0; o < outer; o++) {
    for (let c = 0; c < channels; c++) {
      const start = (o * channels + c) * inner;
      const s = scale.data[c];
      const t = shift ? shift.data[c] : 0;
      for (let i = start; i < start + inner; i++) out[i] = x.data[i] * s + t;
    }
  }
  return new Tensor(x.shape, out);
}
