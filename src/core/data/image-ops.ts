import type { TypedArray } from '../tensor/tensor';

/**
 * Where an output pixel reads from in the input: a geometric transform given as its inverse.
 * Angles in radians; shifts in pixels; scale > 1 enlarges the content; crop is the fraction
 * of each side kept (the kept box then fills the output) and cropX/cropY its top-left corner.
 */
export interface Warp {
  flipHorizontal: boolean;
  flipVertical: boolean;
  shiftX: number;
  shiftY: number;
  angle: number;
  scale: number;
  crop: number;
  cropX: number;
  cropY: number;
}

export const IDENTITY_WARP: Warp = {
  flipHorizontal: false,
  flipVertical: false,
  shiftX: 0,
  shiftY: 0,
  angle: 0,
  scale: 1,
  crop: 1,
  cropX: 0,
  cropY: 0,
};

/**
 * One plane [H, W] warped into out: each output pixel undoes, in reverse order, the flip, the
 * shift, the rotation and zoom about the centre, and the crop, then samples the input
 * bilinearly; points outside the input read `fill`.
 */
export function warpPlane(src: TypedArray, out: TypedArray, h: number, w: number, warp: Warp, fill: number): void {
  const cx = (w - 1) / 2;
  const cy = (h - 1) / 2;
  const cos = Math.cos(warp.angle);
  const sin = Math.sin(warp.angle);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let u = warp.flipHorizontal ? w - 1 - x : x;
      let v = warp.flipVertical ? h - 1 - y : y;
      u -= warp.shiftX;
      v -= warp.shiftY;
      const du = u - cx;
      const dv = v - cy;
      u = (cos * du + sin * dv) / warp.scale + cx;
      v = (-sin * du + cos * dv) / warp.scale + cy;
      // Pixel centres of the output spread over the crop box.
      u = warp.cropX + (u + 0.5) * warp.crop - 0.5;
      v = warp.cropY + (v + 0.5) * warp.crop - 0.5;
      out[y * w + x] = bilinear(src, h, w, u, v, fill);
    }
  }
}

function bilinear(src: TypedArray, h: number, w: number, u: number, v: number, fill: number): number {
  const x0 = Math.floor(u);
  const y0 = Math.floor(v);
  const fx = u - x0;
  const fy = v - y0;
  const at = (yy: number, xx: number) => (yy < 0 || yy >= h || xx < 0 || xx >= w ? fill : src[yy * w + xx]);
  // Exact pixel positions (flips, whole-pixel shifts) read one value, untouched by rounding.
  if (fx === 0 && fy === 0) return at(y0, x0);
  const top = at(y0, x0) * (1 - fx) + at(y0, x0 + 1) * fx;
  const bottom = at(y0 + 1, x0) * (1 - fx) + at(y0 + 1, x0 + 1) * fx;
  return top * (1 - fy) + bottom * fy;
}

/** The normalised 1D Gaussian kernel of standard deviation sigma, radius ceil(3 sigma). */
export function gaussianKernel(sigma: number): Float64Array {
  const radius = Math.max(1, Math.ceil(3 * sigma));
  const kernel = new Float64Array(2 * radius + 1);
  let sum = 0;
  for (let i = -radius; i <= radius; i++) {
    kernel[i + radius] = Math.exp(-(i * i) / (2 * sigma * sigma));
    sum += kernel[i + radius];
  }
  for (let i = 0; i < kernel.length; i++) kernel[i] /= sum;
  return kernel;
}

/** A plane [H, W] blurred in place by a separable Gaussian; edges repeat the border pixel. */
export function blurPlane(plane: TypedArray, h: number, w: number, sigma: number): void {
  if (sigma <= 0) return;
  const kernel = gaussianKernel(sigma);
  const radius = (kernel.length - 1) / 2;
  const tmp = new Float64Array(h * w);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += kernel[k + radius] * plane[y * w + clamp(x + k, w)];
      tmp[y * w + x] = s;
    }
  }
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += kernel[k + radius] * tmp[clamp(y + k, h) * w + x];
      plane[y * w + x] = s;
    }
  }
}

function clamp(i: number, n: number): number {
  return i < 0 ? 0 : i >= n ? n - 1 : i;
}
