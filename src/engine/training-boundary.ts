import { type Dataset, type Network, type Splits, sampleCount, Tensor } from '../core';
import { predictionReader } from '../core/train/accuracy';
import type { BoundaryPoints } from '../protocol/training';

export const BOUNDARY_RESOLUTION = 48;

export interface PlaneFrame {
  xRange: [number, number];
  yRange: [number, number];
}

export interface BoundaryGrid extends PlaneFrame {
  resolution: number;
  values: Float32Array;
}

/** Whether the model reads two numbers per sample, so its decision boundary can be drawn in the plane. */
export function hasPlaneInput(net: Network): boolean {
  const input = net.plan.inputIds.length === 1 ? net.plan.byId.get(net.plan.inputIds[0]) : undefined;
  const shape = input?.outputShape;
  return shape?.length === 2 && shape[1] === 2;
}

/**
 * The square around every sample with a margin, as the Playground frames its data: the boundary
 * is drawn a little beyond the outermost points.
 */
export function planeFrame(data: Float32Array | Float64Array): PlaneFrame {
  let minX = Number.POSITIVE_INFINITY;
  let maxX = Number.NEGATIVE_INFINITY;
  let minY = Number.POSITIVE_INFINITY;
  let maxY = Number.NEGATIVE_INFINITY;
  for (let i = 0; i + 1 < data.length; i += 2) {
    minX = Math.min(minX, data[i]);
    maxX = Math.max(maxX, data[i]);
    minY = Math.min(minY, data[i + 1]);
    maxY = Math.max(maxY, data[i + 1]);
  }
  if (!Number.isFinite(minX)) return { xRange: [-1, 1], yRange: [-1, 1] };
  const margin = (hi: number, lo: number) => Math.max((hi - lo) * 0.08, 0.25);
  const mx = margin(maxX, minX);
  const my = margin(maxY, minY);
  return { xRange: [minX - mx, maxX + mx], yRange: [minY - my, maxY + my] };
}

/** A copy to send: a message transfers the typed arrays it carries, so the run keeps its own. */
export function copyPoints(points: BoundaryPoints): BoundaryPoints {
  return { xy: points.xy.slice(), labels: points.labels.slice(), splits: points.splits.slice() };
}

/** Every split's points with their class (1 positive) and the split they belong to. */
export function boundaryPoints(splits: Splits): BoundaryPoints {
  const parts: Dataset[] = [splits.train, splits.validation, splits.test];
  const n = parts.reduce((sum, p) => sum + sampleCount(p), 0);
  const xy = new Float32Array(2 * n);
  const labels = new Uint8Array(n);
  const which = new Uint8Array(n);
  let at = 0;
  parts.forEach((part, split) => {
    const count = sampleCount(part);
    const width = count ? part.targets.size / count : 1;
    for (let i = 0; i < count; i++, at++) {
      xy[2 * at] = part.inputs.data[2 * i];
      xy[2 * at + 1] = part.inputs.data[2 * i + 1];
      labels[at] = positive(part.targets.data, i, width) ? 1 : 0;
      which[at] = split;
    }
  });
  return { xy, labels, splits: which };
}

function positive(targets: ArrayLike<number>, i: number, width: number): boolean {
  return width > 1 ? targets[i * width + 1] > targets[i * width] : targets[i] > 0;
}

/**
 * The probability of the positive class at each point of a grid over the data, row 0 at the
 * top. One output reads as a probability (a logit through the sigmoid, -1..1 mapped to 0..1);
 * two outputs as the second class's share after a softmax when they are not probabilities yet.
 */
export function boundaryGrid(net: Network, frame: PlaneFrame, resolution = BOUNDARY_RESOLUTION): BoundaryGrid {
  const { xRange, yRange } = frame;
  const n = resolution * resolution;
  const grid = Tensor.zeros([n, 2], net.dtype);
  for (let row = 0; row < resolution; row++) {
    const y = yRange[1] - ((row + 0.5) / resolution) * (yRange[1] - yRange[0]);
    for (let col = 0; col < resolution; col++) {
      const x = xRange[0] + ((col + 0.5) / resolution) * (xRange[1] - xRange[0]);
      grid.data[2 * (row * resolution + col)] = x;
      grid.data[2 * (row * resolution + col) + 1] = y;
    }
  }
  const reader = predictionReader(net.plan);
  const values = new Float32Array(n);
  const out = reader && predictionAt(net, grid, reader.nodeId);
  if (!out) return { resolution, values: values.fill(0.5), xRange, yRange };
  const width = out.size / n;
  const signs = net.plan.byId.get(reader?.nodeId ?? '')?.kind.type === 'tanh';
  for (let i = 0; i < n; i++) {
    values[i] = width >= 2 ? secondShare(out.data, i * width, width) : single(out.data[i], !!reader?.logits, signs);
  }
  return { resolution, values, xRange, yRange };
}

/** Runs forward only as far as the prediction: the grid has no targets for the loss. */
function predictionAt(net: Network, input: Tensor, nodeId: string): Tensor | undefined {
  const ex = net.executor({ input, training: false });
  while (!ex.outputs.has(nodeId) && ex.stepForward());
  return ex.outputs.get(nodeId);
}

function single(v: number, logits: boolean, signs: boolean): number {
  if (logits) return 1 / (1 + Math.exp(-v));
  if (signs) return Math.min(1, Math.max(0, (v + 1) / 2));
  return Math.min(1, Math.max(0, v));
}

function secondShare(data: ArrayLike<number>, start: number, width: number): number {
  let sum = 0;
  let probabilities = true;
  for (let j = 0; j < width; j++) {
    const v = data[start + j];
    sum += v;
    if (v < 0 || v > 1) probabilities = false;
  }
  if (probabilities && Math.abs(sum - 1) < 1e-3) return data[start + 1];
  let max = Number.NEGATIVE_INFINITY;
  for (let j = 0; j < width; j++) max = Math.max(max, data[start + j]);
  let total = 0;
  for (let j = 0; j < width; j++) total += Math.exp(data[start + j] - max);
  return Math.exp(data[start + 1] - max) / total;
}
