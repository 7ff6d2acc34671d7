import { describe, expect, it } from 'vitest';
import { type SyntheticKind, syntheticDataset } from '../../../src/core/data/synthetic';

const kinds: SyntheticKind[] = ['xor', 'circle', 'gaussians', 'spiral'];

function points(kind: SyntheticKind, noise = 0, seed = 1) {
  const ds = syntheticDataset(kind, { samples: 400, noise, seed });
  return Array.from({ length: 400 }, (_, i) => ({
    x: ds.inputs.data[2 * i],
    y: ds.inputs.data[2 * i + 1],
    label: ds.targets.data[i],
  }));
}

describe('synthetic 2D datasets (TensorFlow Playground shapes)', () => {
  it('are seeded, balanced where the Playground balances them, and within [-6, 6]^2', () => {
    for (const kind of kinds) {
      const a = syntheticDataset(kind, { samples: 400, noise: 0.2, seed: 3 });
      const b = syntheticDataset(kind, { samples: 400, noise: 0.2, seed: 3 });
      expect(Array.from(a.inputs.data)).toEqual(Array.from(b.inputs.data));
      expect(Array.from(a.targets.data)).toEqual(Array.from(b.targets.data));
      expect(Array.from(syntheticDataset(kind, { samples: 400, seed: 4 }).inputs.data)).not.toEqual(
        Array.from(a.inputs.data),
      );
      expect(a.inputs.shape).toEqual([400, 2]);
      expect(a.targets.shape).toEqual([400, 1]);
      if (kind !== 'gaussians') for (const v of a.inputs.data) expect(Math.abs(v)).toBeLessThan(6.5);
      const positives = Array.from(a.targets.data).filter((v) => v === 1).length;
      expect(positives).toBeGreaterThan(120);
      expect(positives).toBeLessThan(280);
    }
  });

  it('xor without noise: the label is the sign of x * y, points at least 0.3 from the axes', () => {
    for (const p of points('xor')) {
      expect(p.label).toBe(p.x * p.y >= 0 ? 1 : 0);
      expect(Math.min(Math.abs(p.x), Math.abs(p.y))).toBeGreaterThanOrEqual(0.3 - 1e-6);
    }
  });

  it('circle without noise: inside radius 2.5 positive, ring 3.5 to 5 negative', () => {
    for (const p of points('circle')) {
      const r = Math.hypot(p.x, p.y);
      if (p.label === 1) expect(r).toBeLessThan(2.5);
      else {
        expect(r).toBeGreaterThanOrEqual(3.5 - 1e-5);
        expect(r).toBeLessThanOrEqual(5 + 1e-5);
      }
    }
  });

  it('gaussians: centres (2, 2) and (-2, -2), variance 0.5 without noise', () => {
    const ps = points('gaussians');
    const pos = ps.filter((p) => p.label === 1);
    const mean = pos.reduce((s, p) => s + p.x, 0) / pos.length;
    const variance = pos.reduce((s, p) => s + (p.x - mean) ** 2, 0) / pos.length;
    expect(mean).toBeCloseTo(2, 0);
    expect(variance).toBeGreaterThan(0.35);
    expect(variance).toBeLessThan(0.65);
  });

  it('spiral without noise: radius grows with the angle along each arm', () => {
    const ps = points('spiral');
    expect(Math.max(...ps.map((p) => Math.hypot(p.x, p.y)))).toBeLessThan(5);
    // The arms are each other's rotation by pi: negating a positive point lands near the negative arm.
    const pos = ps.filter((p) => p.label === 1);
    const neg = ps.filter((p) => p.label === 0);
    for (const p of pos.slice(0, 20)) {
      const nearest = Math.min(...neg.map((q) => Math.hypot(q.x + p.x, q.y + p.y)));
      expect(nearest).toBeLessThan(0.2);
    }
  });

  it('writes labels as 0/1, -1/1 or one-hot', () => {
    const sign = syntheticDataset('xor', { samples: 50, labels: 'sign' });
    expect(new Set(sign.targets.data)).toEqual(new Set([-1, 1]));
    const hot = syntheticDataset('xor', { samples: 50, labels: 'one_hot' });
    expect(hot.targets.shape).toEqual([50, 2]);
    for (let i = 0; i < 50; i++) expect(hot.targets.data[2 * i] + hot.targets.data[2 * i + 1]).toBe(1);
    expect(() => syntheticDataset('xor', { noise: 0.9 })).toThrow(/noise/);
  });
});
