import { findKind } from '../../core/layers/registry';
import { type PaddingSpec, pairOf, type SpatialPair } from '../../core/layers/window';
import type { Shape } from '../../core/tensor/shape';
import { type AxisWindow, convFixOptions, type FixOptions, poolFixOptions } from './window-fixes';

export interface WindowAxes {
  /** Height, then width; undefined for "same" padding, which is exact by construction. */
  axes?: [AxisWindow, AxisWindow];
  options: FixOptions;
  /** The config field holding the window size: kernel for conv, window for pooling. */
  kernelField: 'kernel' | 'window';
}

const windowTypes: Record<string, { kernelField: 'kernel' | 'window'; options: FixOptions }> = {
  conv2d: { kernelField: 'kernel', options: convFixOptions },
  max_pool2d: { kernelField: 'window', options: poolFixOptions },
  avg_pool2d: { kernelField: 'window', options: poolFixOptions },
};

export function isWindowType(type: string): boolean {
  return type in windowTypes;
}

/** A conv or pooling node's windows as numbers per axis, from its config and input shape [N, C, H, W]. */
export function windowAxes(type: string, config: unknown, inputShape: Shape): WindowAxes | undefined {
  const spec = windowTypes[type];
  const parsed = findKind(type)?.configSchema.safeParse(config);
  if (!spec || !parsed?.success || inputShape.length !== 4) return undefined;
  const values = parsed.data as Record<string, unknown>;
  const kernel = pairOf(values[spec.kernelField] as SpatialPair);
  const stride = pairOf((values.stride ?? values[spec.kernelField]) as SpatialPair);
  const padding = values.padding as PaddingSpec;
  if (padding === 'same') return { options: spec.options, kernelField: spec.kernelField };
  const pad = padding === 'valid' ? [0, 0] : pairOf(padding);
  const axis = (i: 0 | 1): AxisWindow => ({
    input: inputShape[2 + i],
    kernel: kernel[i],
    stride: stride[i],
    pad: pad[i],
  });
  return { axes: [axis(0), axis(1)], options: spec.options, kernelField: spec.kernelField };
}
