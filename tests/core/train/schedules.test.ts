import { describe, expect, it } from 'vitest';
import { cosineDecay, linearCosineDecay, noisyLinearCosineDecay } from '../../../src/core/train/schedules/cosine';
import { exponentialDecay, inverseTimeDecay, naturalExpDecay } from '../../../src/core/train/schedules/decay';
import { createSchedule } from '../../../src/core/train/schedules/factory';
import { piecewiseConstant } from '../../../src/core/train/schedules/piecewise-constant';
import { polynomialDecay } from '../../../src/core/train/schedules/polynomial';

const steps = [0, 1, 7, 10, 15, 20, 25, 99, 1000];
const close = (a: number, b: number) => expect(a).toBeCloseTo(b, 12);

describe('learning-rate schedules (TensorFlow definitions)', () => {
  it('constant', () => {
    const s = createSchedule({ type: 'constant', learningRate: 0.3 });
    for (const t of steps) expect(s(t)).toBe(0.3);
  });

  it('piecewise constant: values[i] for boundaries[i-1] < t <= boundaries[i]', () => {
    const s = piecewiseConstant([10, 20], [1, 0.5, 0.1]);
    expect([0, 10, 11, 20, 21, 1000].map(s)).toEqual([1, 1, 0.5, 0.5, 0.1, 0.1]);
    expect(() => piecewiseConstant([10], [1])).toThrow(/one more value/);
    expect(() => piecewiseConstant([10, 5], [1, 2, 3])).toThrow(/increase/);
  });

  it('exponential: lr r^(t/T), staircase floor(t/T)', () => {
    const smooth = exponentialDecay({ learningRate: 0.1, decaySteps: 10, decayRate: 0.96 });
    const stairs = exponentialDecay({ learningRate: 0.1, decaySteps: 10, decayRate: 0.96, staircase: true });
    for (const t of steps) {
      close(smooth(t), 0.1 * 0.96 ** (t / 10));
      close(stairs(t), 0.1 * 0.96 ** Math.floor(t / 10));
    }
    close(smooth(5), 0.09797958971132712); // 0.1 * sqrt(0.96)
    expect(stairs(9)).toBe(0.1);
    close(stairs(10), 0.096);
  });

  it('natural exponential: lr exp(-r t/T)', () => {
    const smooth = naturalExpDecay({ learningRate: 0.5, decaySteps: 4, decayRate: 0.3 });
    const stairs = naturalExpDecay({ learningRate: 0.5, decaySteps: 4, decayRate: 0.3, staircase: true });
    for (const t of steps) {
      close(smooth(t), 0.5 * Math.exp((-0.3 * t) / 4));
      close(stairs(t), 0.5 * Math.exp(-0.3 * Math.floor(t / 4)));
    }
    close(stairs(7), 0.5 * Math.exp(-0.3));
  });

  it('inverse time: lr / (1 + r t/T)', () => {
    const smooth = inverseTimeDecay({ learningRate: 0.1, decaySteps: 1, decayRate: 0.5 });
    const stairs = inverseTimeDecay({ learningRate: 0.1, decaySteps: 10, decayRate: 0.5, staircase: true });
    for (const t of steps) {
      close(smooth(t), 0.1 / (1 + 0.5 * t));
      close(stairs(t), 0.1 / (1 + 0.5 * Math.floor(t / 10)));
    }
    close(smooth(2), 0.05);
    close(stairs(25), 0.05);
  });

  it('polynomial: clamped, and with cycle T * ceil(t/T)', () => {
    const opts = { learningRate: 0.1, decaySteps: 10, endLearningRate: 0.01, power: 2 };
    const clamped = polynomialDecay(opts);
    const cyclic = polynomialDecay({ ...opts, cycle: true });
    for (const t of steps) {
      const tc = Math.min(t, 10);
      close(clamped(t), (0.1 - 0.01) * (1 - tc / 10) ** 2 + 0.01);
      const horizon = 10 * (t === 0 ? 1 : Math.ceil(t / 10));
      close(cyclic(t), (0.1 - 0.01) * (1 - t / horizon) ** 2 + 0.01);
    }
    close(clamped(5), 0.0325); // 0.09 * 0.25 + 0.01
    close(clamped(50), 0.01);
    close(cyclic(15), 0.015625); // horizon 20: 0.09 * (1 - 15/20)^2 + 0.01
    close(cyclic(10), 0.01);
    close(cyclic(0), 0.1);
    close(polynomialDecay({ learningRate: 1, decaySteps: 4 })(2), 0.50005); // defaults: end 1e-4, power 1
  });

  it('cosine: lr ((1 - alpha) 0.5 (1 + cos(pi t/T)) + alpha)', () => {
    const s = cosineDecay({ learningRate: 0.2, decaySteps: 20, alpha: 0.1 });
    for (const t of steps) {
      const tc = Math.min(t, 20);
      close(s(t), 0.2 * (0.9 * 0.5 * (1 + Math.cos((Math.PI * tc) / 20)) + 0.1));
    }
    close(s(0), 0.2);
    close(s(10), 0.2 * (0.45 + 0.1));
    close(s(20), 0.02);
    close(s(1000), 0.02);
  });

  it('linear cosine: lr ((a + (T - t)/T) 0.5 (1 + cos(2 pi periods t/T)) + b)', () => {
    const s = linearCosineDecay({ learningRate: 0.1, decaySteps: 20, numPeriods: 2, alpha: 0.05, beta: 0.01 });
    for (const t of steps) {
      const tc = Math.min(t, 20);
      const cosine = 0.5 * (1 + Math.cos(Math.PI * 2 * 2 * (tc / 20)));
      close(s(t), 0.1 * ((0.05 + (20 - tc) / 20) * cosine + 0.01));
    }
    const defaults = linearCosineDecay({ learningRate: 1, decaySteps: 10 });
    close(defaults(0), 1.001);
    close(defaults(10), 0.001);
    close(defaults(5), 0.5 * 0.5 * (1 + Math.cos(Math.PI * 0.5)) + 0.001); // 0.251
  });

  it('noisy linear cosine: seeded noise of variance v0 / (1 + t)^decay, repeatable per step', () => {
    const opts = { learningRate: 0.1, decaySteps: 100, seed: 3 };
    const a = noisyLinearCosineDecay(opts);
    const b = noisyLinearCosineDecay(opts);
    const plain = linearCosineDecay(opts);
    expect([5, 1, 5, 50].map(a)).toEqual([5, 1, 5, 50].map(b));
    expect(a(5)).toBe(a(5));
    expect(noisyLinearCosineDecay({ ...opts, seed: 4 })(5)).not.toBe(a(5));
    // Recover the noise from the rate and check its spread against the variance over many seeds.
    const t = 30;
    const cosine = 0.5 * (1 + Math.cos((Math.PI * t) / 100));
    const noise = Array.from({ length: 4000 }, (_, seed) => {
      const rate = noisyLinearCosineDecay({ ...opts, seed })(t);
      return (rate - plain(t)) / (0.1 * cosine);
    });
    const mean = noise.reduce((x, y) => x + y, 0) / noise.length;
    const variance = noise.reduce((x, y) => x + (y - mean) ** 2, 0) / noise.length;
    expect(Math.abs(mean)).toBeLessThan(0.05);
    expect(variance).toBeCloseTo(1 / (1 + t) ** 0.55, 1);
  });

  it('factory fills TensorFlow defaults and rejects bad configs', () => {
    const s = createSchedule({ type: 'polynomial', learningRate: 1, decaySteps: 4 });
    close(s(4), 0.0001);
    expect(() => createSchedule({ type: 'exponential', learningRate: 1, decaySteps: 0, decayRate: 0.5 })).toThrow(
      /decaySteps/,
    );
  });
});
