import { formatShape } from '../tensor/shape';
import { Tensor } from '../tensor/tensor';
import { Rng } from '../train/rng';
import { blurPlane, IDENTITY_WARP, type Warp, warpPlane } from './image-ops';

/** Random image transforms, each drawn per image; a setting left out (or 0 / false) is off. */
export interface AugmentOptions {
  /** Largest shift as a fraction of the image's width and height, each drawn from [-s, s]. */
  shift?: number;
  /** Largest rotation in degrees, drawn from [-r, r]. */
  rotation?: number;
  /** Largest zoom change: the factor is drawn from [1 - z, 1 + z]. */
  scale?: number;
  /** Smallest fraction of each side a random crop keeps, drawn from [c, 1]; the crop is resized to the full image. */
  crop?: number;
  /** Mirror left-right with probability 1/2. */
  flipHorizontal?: boolean;
  /** Mirror top-bottom with probability 1/2. */
  flipVertical?: boolean;
  /** Standard deviation of Gaussian noise added to every value. */
  noise?: number;
  /** Largest Gaussian blur sigma in pixels, drawn from [0, b]. */
  blur?: number;
  /** The value of pixels moved in from outside the image; 0 by default. */
  fill?: number;
}

/** Images [N, C, H, W] transformed at random (seeded), as a new tensor; every channel of an image moves together. */
export function augmentImages(images: Tensor, options: AugmentOptions, seed: number): Tensor {
  if (images.shape.length !== 4)
    throw new Error(`augmentation takes images [N, C, H, W], got ${formatShape(images.shape)}`);
  const [n, c, h, w] = images.shape;
  const rng = new Rng(seed);
  const out = Tensor.zeros(images.shape, images.dtype);
  const plane = h * w;
  for (let i = 0; i < n; i++) {
    const warp = drawWarp(options, rng, h, w);
    const sigma = options.blur ? rng.uniform(0, options.blur) : 0;
    for (let ch = 0; ch < c; ch++) {
      const at = (i * c + ch) * plane;
      const src = images.data.subarray(at, at + plane);
      const dst = out.data.subarray(at, at + plane);
      if (warp === IDENTITY_WARP) dst.set(src);
      else warpPlane(src, dst, h, w, warp, options.fill ?? 0);
      blurPlane(dst, h, w, sigma);
      if (options.noise) for (let k = 0; k < plane; k++) dst[k] += options.noise * rng.normal();
    }
  }
  return out;
}

function drawWarp(o: AugmentOptions, rng: Rng, h: number, w: number): Warp {
  const moves = o.shift || o.rotation || o.scale || (o.crop !== undefined && o.crop < 1);
  if (!moves && !o.flipHorizontal && !o.flipVertical) return IDENTITY_WARP;
  const crop = o.crop !== undefined && o.crop < 1 ? rng.uniform(o.crop, 1) : 1;
  return {
    flipHorizontal: o.flipHorizontal ? rng.next() < 0.5 : false,
    flipVertical: o.flipVertical ? rng.next() < 0.5 : false,
    shiftX: o.shift ? rng.uniform(-o.shift, o.shift) * w : 0,
    shiftY: o.shift ? rng.uniform(-o.shift, o.shift) * h : 0,
    angle: o.rotation ? (rng.uniform(-o.rotation, o.rotation) * Math.PI) / 180 : 0,
    scale: o.scale ? rng.uniform(1 - o.scale, 1 + o.scale) : 1,
    crop,
    cropX: rng.next() * w * (1 - crop),
    cropY: rng.next() * h * (1 - crop),
  };
}
