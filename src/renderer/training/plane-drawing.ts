import type { BoundaryPoints } from '../../protocol/training';

/** The Playground's colours: orange for the negative class, blue for the positive. */
export const classColors = { negative: [245, 147, 34], positive: [8, 119, 189] } as const;

const WHITE = [255, 255, 255] as const;

/** A probability as the Playground tints it: white at 0.5, deeper towards either class. */
export function probabilityColor(p: number): [number, number, number] {
  const towards = p >= 0.5 ? classColors.positive : classColors.negative;
  const strength = Math.min(1, Math.abs(p - 0.5) * 2) * 0.62;
  return [0, 1, 2].map((i) => Math.round(WHITE[i] + (towards[i] - WHITE[i]) * strength)) as [number, number, number];
}

export interface Frame {
  xRange: [number, number];
  yRange: [number, number];
}

/** A square frame around every point, with a margin, for a preview without a boundary. */
export function frameOf(xy: Float32Array): Frame {
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of xy) {
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (!Number.isFinite(lo)) return { xRange: [-1, 1], yRange: [-1, 1] };
  const margin = Math.max((hi - lo) * 0.08, 0.25);
  return { xRange: [lo - margin, hi + margin], yRange: [lo - margin, hi + margin] };
}

/** Draws the probability grid (row 0 at the top) filling the canvas. */
export function drawGrid(ctx: CanvasRenderingContext2D, values: Float32Array, resolution: number, size: number): void {
  const image = ctx.createImageData(resolution, resolution);
  for (let i = 0; i < values.length; i++) {
    const [r, g, b] = probabilityColor(values[i]);
    image.data.set([r, g, b, 255], 4 * i);
  }
  const cells = document.createElement('canvas');
  cells.width = resolution;
  cells.height = resolution;
  cells.getContext('2d')?.putImageData(image, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(cells, 0, 0, size, size);
}

/** Draws the points: filled for training samples, hollow rings for held-out ones. */
export function drawPoints(
  ctx: CanvasRenderingContext2D,
  points: Pick<BoundaryPoints, 'xy' | 'labels'> & { splits?: Uint8Array },
  frame: Frame,
  size: number,
  radius = 3,
): void {
  const { xRange, yRange } = frame;
  for (let i = 0; i < points.labels.length; i++) {
    const x = ((points.xy[2 * i] - xRange[0]) / (xRange[1] - xRange[0])) * size;
    const y = ((yRange[1] - points.xy[2 * i + 1]) / (yRange[1] - yRange[0])) * size;
    const [r, g, b] = points.labels[i] ? classColors.positive : classColors.negative;
    const heldOut = (points.splits?.[i] ?? 0) > 0;
    ctx.beginPath();
    ctx.arc(x, y, radius, 0, 2 * Math.PI);
    ctx.fillStyle = heldOut ? 'rgba(255, 255, 255, 0.9)' : `rgb(${r}, ${g}, ${b})`;
    ctx.fill();
    ctx.lineWidth = heldOut ? 1.6 : 1;
    ctx.strokeStyle = heldOut ? `rgb(${r}, ${g}, ${b})` : 'rgba(255, 255, 255, 0.95)';
    ctx.stroke();
  }
}

/** A canvas sized for the screen's pixel ratio, its context scaled so drawing uses CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement, size: number): CanvasRenderingContext2D | null {
  const ratio = globalThis.devicePixelRatio || 1;
  canvas.width = Math.round(size * ratio);
  canvas.height = Math.round(size * ratio);
  const ctx = canvas.getContext('2d');
  ctx?.setTransform(ratio, 0, 0, ratio, 0, 0);
  return ctx;
}
