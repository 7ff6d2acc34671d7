import { describe, expect, it } from 'vitest';
import { augmentImages } from '../../../src/core/data/augment';
import { blurPlane, gaussianKernel, IDENTITY_WARP, warpPlane } from '../../../src/core/data/image-ops';
import { Tensor } from '../../../src/core/tensor/tensor';

/** One 1-channel 5x5 image with a single bright pixel at (row, col). */
function dot(row: number, col: number): Tensor {
  const t = Tensor.zeros([1, 1, 5, 5], 'float64');
  t.data[row * 5 + col] = 1;
  return t;
}

const at = (t: Tensor | Float64Array, row: number, col: number) => ('data' in t ? t.data : t)[row * 5 + col];

describe('image augmentation [N, C, H, W]', () => {
  it('warps: flips, whole-pixel shifts, a quarter turn, zoom about the centre', () => {
    const src = dot(1, 0).data;
    const out = new Float64Array(25);
    warpPlane(src, out, 5, 5, { ...IDENTITY_WARP, flipHorizontal: true }, 0);
    expect(at(out, 1, 4)).toBe(1);
    warpPlane(src, out, 5, 5, { ...IDENTITY_WARP, flipVertical: true }, 0);
    expect(at(out, 3, 0)).toBe(1);
    warpPlane(src, out, 5, 5, { ...IDENTITY_WARP, shiftX: 2, shiftY: 1 }, 0);
    expect(at(out, 2, 2)).toBe(1);
    expect(out.reduce((a, b) => a + b, 0)).toBe(1);
    warpPlane(src, out, 5, 5, { ...IDENTITY_WARP, angle: Math.PI / 2 }, 0);
    expect(Math.max(...out)).toBeCloseTo(1, 9);
    expect(out.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    // Zoom 2 about the centre (2, 2): the pixel at (1, 1) sits half-way to (0, 0).
    const centre = dot(2, 2).data;
    warpPlane(centre, out, 5, 5, { ...IDENTITY_WARP, scale: 2 }, 0);
    expect(at(out, 2, 2)).toBe(1);
    expect(at(out, 1, 1)).toBeCloseTo(0.25, 9);
    // Crop the top-left 3x3 corner (fraction 0.6): it fills the output, so (0, 0) stays at (0, 0).
    warpPlane(dot(0, 0).data, out, 5, 5, { ...IDENTITY_WARP, crop: 0.6 }, 0);
    expect(at(out, 0, 0)).toBeGreaterThan(0.4);
  });

  it('blurs with a normalised Gaussian that keeps the total', () => {
    const k = gaussianKernel(1);
    expect(k).toHaveLength(7);
    expect(k.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    const plane = new Float64Array(11 * 11);
    plane[5 * 11 + 5] = 1;
    blurPlane(plane, 11, 11, 0.8);
    expect(plane.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
    expect(plane[5 * 11 + 5]).toBeLessThan(0.5);
    expect(plane[5 * 11 + 4]).toBeCloseTo(plane[4 * 11 + 5], 12);
  });

  it('is seeded, draws per image, moves channels together, and adds noise of the given spread', () => {
    const images = Tensor.zeros([4, 2, 5, 5], 'float64');
    for (let i = 0; i < images.size; i += 7) images.data[i] = 1;
    const options = { shift: 0.2, rotation: 20, scale: 0.1, flipHorizontal: true, blur: 0.5 };
    const a = augmentImages(images, options, 5);
    expect(Array.from(a.data)).toEqual(Array.from(augmentImages(images, options, 5).data));
    expect(Array.from(a.data)).not.toEqual(Array.from(augmentImages(images, options, 6).data));
    expect(a.shape).toEqual([4, 2, 5, 5]);
    // Same input in both channels -> same output in both channels.
    const same = Tensor.zeros([1, 2, 5, 5], 'float64');
    same.data.set(dot(1, 3).data, 0);
    same.data.set(dot(1, 3).data, 25);
    const moved = augmentImages(same, options, 9);
    expect(Array.from(moved.data.slice(0, 25))).toEqual(Array.from(moved.data.slice(25)));
    const noisy = augmentImages(Tensor.zeros([20, 1, 10, 10], 'float64'), { noise: 0.1 }, 1);
    const variance = Array.from(noisy.data).reduce((s, v) => s + v * v, 0) / noisy.size;
    expect(Math.sqrt(variance)).toBeCloseTo(0.1, 2);
    expect(Array.from(augmentImages(images, {}, 1).data)).toEqual(Array.from(images.data));
    expect(() => augmentImages(Tensor.zeros([2, 3]), {}, 1)).toThrow(/\[N, C, H, W\]/);
  });
});
