import { z } from 'zod';
import type { Shape } from '../tensor/shape';
import type { Tensor } from '../tensor/tensor';
import { type NodeKind, noParams } from './kind';
import {
  compactPairText,
  paddingSpec,
  paddingText,
  pairOf,
  pairText,
  poolPaddingDescription,
  type SpatialWindow,
  spatialPair,
  spatialWindow,
  windowIndexTex,
} from './window';

export const poolConfig = z
  .object({
    window: spatialPair.describe('Pooling window n: one number for n x n, or [height, width].'),
    stride: spatialPair
      .optional()
      .describe('Step between windows: one number or [sH, sW]; the window size when left out.'),
    padding: paddingSpec.default(0).describe(poolPaddingDescription),
  })
  .strict();
export type PoolConfig = z.infer<typeof poolConfig>;

export const defaultPoolConfig: PoolConfig = { window: 2, padding: 0 };

/**
 * Where the windows of a pooling node go. Padding may be at most half the window (as PyTorch
 * requires), so no window holds only padding.
 */
export function poolWindow(label: string, config: PoolConfig, inputShape: Shape): SpatialWindow {
  const spec = { kernel: config.window, stride: config.stride ?? config.window, padding: config.padding };
  return spatialWindow(label, spec, inputShape, { padAtMostHalfWindow: true });
}

export function poolOutputShape(label: string, config: PoolConfig, x: Shape): Shape {
  const { height, width } = poolWindow(label, config, x);
  return [x[0], x[1], height.size, width.size];
}

/** Every channel is pooled on its own: [N, C, H, W] seen as N * C single-channel images. */
export function channelsAsImages(x: Tensor): Tensor {
  const [n, c, h, w] = x.shape;
  return x.reshape([n * c, 1, h, w]);
}

/** "2×2, stride 2", with the padding when there is any. */
export function poolDescription(config: PoolConfig): string {
  const pad = config.padding === 0 || config.padding === 'valid' ? '' : `, ${paddingText(config.padding)}`;
  return `${pairText(config.window)}, stride ${compactPairText(config.stride ?? config.window)}${pad}`;
}

type PoolKindBase = Pick<
  NodeKind<PoolConfig>,
  'category' | 'label' | 'configSchema' | 'defaultConfig' | 'arity' | 'outputShape' | 'paramSpecs' | 'describe'
>;

/** What max and average pooling share: config, shape rule, no parameters, the face text. */
export function poolKindBase(label: string): PoolKindBase {
  return {
    category: 'layer',
    label,
    configSchema: poolConfig,
    defaultConfig: defaultPoolConfig,
    arity: { min: 1, max: 1 },
    outputShape: (config, [x]) => poolOutputShape(label, config, x),
    paramSpecs: noParams,
    describe: poolDescription,
  };
}

/** LaTeX of the input element a window position reads: x_{n,c, i*S+m-P, j*S+l-P}. */
export function pooledInputTex(config: PoolConfig): string {
  const [sh, sw] = pairOf(config.stride ?? config.window);
  return `x_{n,c,\\,${windowIndexTex('i', 'm', sh, config.padding, 0)},\\,${windowIndexTex('j', 'l', sw, config.padding, 1)}}`;
}
