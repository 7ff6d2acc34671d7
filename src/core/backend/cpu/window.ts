import type { WindowGeometry } from '../backend';

/** How many window positions fit along one axis: floor((in + padding - kernel) / stride) + 1. */
export function windowCount(inSize: number, geometry: WindowGeometry, axis: 0 | 1): number {
  const span = inSize + geometry.padBefore[axis] + geometry.padAfter[axis] - geometry.kernel[axis];
  return span < 0 ? 0 : Math.floor(span / geometry.stride[axis]) + 1;
}

/** [N, C, H, W] of an image tensor and the output positions [outH, outW] of a window over it. */
export function windowDims(op: string, shape: readonly number[], geometry: WindowGeometry): number[] {
  if (shape.length !== 4) throw new Error(`${op} needs a rank-4 [N, C, H, W] tensor, got [${shape}]`);
  const outH = windowCount(shape[2], geometry, 0);
  const outW = windowCount(shape[3], geometry, 1);
  if (outH < 1 || outW < 1) throw new Error(`${op}: a ${geometry.kernel.join('x')} window does not fit [${shape}]`);
  return [shape[0], shape[1], shape[2], shape[3], outH, outW];
}
