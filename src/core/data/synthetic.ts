import { Tensor } from '../tensor/tensor';
import { Rng } from '../train/rng';
import { shuffledIndices } from './batches';
import type { Dataset } from './dataset';

export type SyntheticKind = 'xor' | 'circle' | 'gaussians' | 'spiral';

/** How a two-class target is written: 0/1 in [N, 1] (sigmoid), -1/1 in [N, 1] (tanh, as the Playground), one-hot [N, 2]. */
export type BinaryLabels = 'binary' | 'sign' | 'one_hot';

export interface SyntheticOptions {
  samples?: number;
  /** 0 to 0.5, the TensorFlow Playground's noise slider (0 to 50) over 100. */
  noise?: number;
  seed?: number;
  labels?: BinaryLabels;
}

interface Point {
  x: number;
  y: number;
  positive: boolean;
}

type Generator = (n: number, noise: number, rng: Rng) => Point[];

/**
 * The TensorFlow Playground's 2D classification sets. Points lie in about [-6, 6]^2; the
 * positive class is the Playground's label 1 (blue), the other its -1 (orange).
 */
const generators: Record<SyntheticKind, Generator> = {
  // Quadrants, pushed 0.3 away from the axes; the label is that of the noisy point.
  xor(n, noise, rng) {
    const padding = 0.3;
    return Array.from({ length: n }, () => {
      let x = rng.uniform(-5, 5);
      x += x > 0 ? padding : -padding;
      let y = rng.uniform(-5, 5);
      y += y > 0 ? padding : -padding;
      const noisyX = x + rng.uniform(-5, 5) * noise;
      const noisyY = y + rng.uniform(-5, 5) * noise;
      return { x, y, positive: noisyX * noisyY >= 0 };
    });
  },
  // Inside radius 2.5 versus a ring from 3.5 to 5; the label is that of the noisy point.
  circle(n, noise, rng) {
    const radius = 5;
    const half = Math.floor(n / 2);
    return Array.from({ length: n }, (_, i) => {
      const r = i < half ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius);
      const angle = rng.uniform(0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const noisyX = x + rng.uniform(-radius, radius) * noise;
      const noisyY = y + rng.uniform(-radius, radius) * noise;
      return { x, y, positive: Math.hypot(noisyX, noisyY) < radius * 0.5 };
    });
  },
  // Two clusters at (2, 2) and (-2, -2); noise 0 to 0.5 widens the variance from 0.5 to 4.
  gaussians(n, noise, rng) {
    const variance = 0.5 + (noise / 0.5) * 3.5;
    const sd = Math.sqrt(variance);
    const half = Math.floor(n / 2);
    return Array.from({ length: n }, (_, i) => {
      const c = i < half ? 2 : -2;
      return { x: c + sd * rng.normal(), y: c + sd * rng.normal(), positive: i < half };
    });
  },
  // Two interleaved arms of 1.75 turns, radius growing to 5, the second arm turned by pi.
  spiral(n, noise, rng) {
    const half = Math.floor(n / 2);
    const points: Point[] = [];
    for (const [count, deltaT, positive] of [
      [half, 0, true],
      [n - half, Math.PI, false],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const r = (i / count) * 5;
        const t = ((1.75 * i) / count) * 2 * Math.PI + deltaT;
        points.push({
          x: r * Math.sin(t) + rng.uniform(-1, 1) * noise,
          y: r * Math.cos(t) + rng.uniform(-1, 1) * noise,
          positive,
        });
      }
    }
    return points;
  },
};

/** A seeded 2D two-class dataset, inputs [N, 2] (x1, x2), shuffled so that the classes interleave. */
export function syntheticDataset(kind: SyntheticKind, options: SyntheticOptions = {}): Dataset {
  const { samples = 200, noise = 0, seed = 0, labels = 'binary' } = options;
  if (!(noise >= 0 && noise <= 0.5)) throw new Error(`noise must lie in [0, 0.5], got ${noise}`);
  const rng = new Rng(seed);
  const points = generators[kind](samples, noise, rng);
  const order = shuffledIndices(points.length, seed + 1);
  const width = labels === 'one_hot' ? 2 : 1;
  const inputs = Tensor.zeros([points.length, 2]);
  const targets = Tensor.zeros([points.length, width]);
  order.forEach((from, i) => {
    const p = points[from];
    inputs.data[2 * i] = p.x;
    inputs.data[2 * i + 1] = p.y;
    if (labels === 'one_hot') targets.data[2 * i + (p.positive ? 1 : 0)] = 1;
    else targets.data[i] = p.positive ? 1 : labels === 'sign' ? -1 : 0;
  });
  return {
    name: kind,
    inputs,
    targets,
    classes: ['negative', 'positive'],
    featureNames: ['x1', 'x2'],
  };
}
