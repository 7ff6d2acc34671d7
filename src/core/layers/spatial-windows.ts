import type { Shape } from '../tensor/shape';
import { avgPool2dKind } from './avg-pool2d';
import { conv2dKind, conv2dWindow } from './conv2d';
import { maxPool2dKind } from './max-pool2d';
import { poolWindow } from './pool';
import type { SpatialWindow } from './window';

/**
 * The windows of a conv or pooling node over an input shape, with each axis's size formula and
 * notes (a floored size): what the formula cards and the inspector show. Undefined for other
 * kinds; throws ShapeError like the node's shape rule when the input does not fit.
 */
export function spatialWindowOf(type: string, config: unknown, inputShape: Shape): SpatialWindow | undefined {
  if (type === conv2dKind.type) return conv2dWindow(conv2dKind.configSchema.parse(config), inputShape);
  if (type === maxPool2dKind.type)
    return poolWindow(maxPool2dKind.label, maxPool2dKind.configSchema.parse(config), inputShape);
  if (type === avgPool2dKind.type)
    return poolWindow(avgPool2dKind.label, avgPool2dKind.configSchema.parse(config), inputShape);
  return undefined;
}
