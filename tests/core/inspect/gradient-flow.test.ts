import { describe, expect, it } from 'vitest';
import {
  type ActivationStats,
  gradientFlow,
  type LayerGradients,
  layerOrder,
  type Magnitude,
  type Plan,
  remediesFor,
  shortNumber,
  validateModel,
} from '../../../src/core';
import { chainModel } from './helpers';

/** input -> (dense 4 -> activation) x depth -> dense 1 -> mse, compiled. */
function chainPlan(activation: string, depth: number): Plan {
  const layers = Array.from({ length: depth }, (_, i) => [
    { id: `dense_${i + 1}`, type: 'dense', config: { units: 4 } },
    { id: `act_${i + 1}`, type: activation },
  ]).flat();
  const model = chainModel(
    2,
    [...layers, { id: 'out', type: 'dense', config: { units: 1 } }, { id: 'loss', type: 'mse' }],
    {
      input: [[0, 0]],
      target: [[0]],
    },
  );
  const { plan } = validateModel(model);
  if (!plan) throw new Error('does not compile');
  return plan;
}

const size = (norm: number, count = 16): Magnitude => ({
  size: count,
  norm,
  meanAbs: norm / Math.sqrt(count),
  rms: norm / Math.sqrt(count),
  nonFinite: Number.isFinite(norm) ? 0 : 1,
});

/**
 * Made-up gradient sizes: the weight gradient and the gradient passed back are multiplied by
 * `perLayer` at every layer going back from the last one.
 */
function gradients(
  plan: Plan,
  perLayer: number,
  overrides: Record<string, Partial<LayerGradients>> = {},
): LayerGradients[] {
  return layerOrder(plan).map((place) => ({
    ...place,
    type: 'dense',
    params: {},
    weights: size(perLayer ** place.distance),
    output: size(perLayer ** Math.max(0, place.distance - 1)),
    input: size(perLayer ** place.distance),
    ...overrides[place.nodeId],
  }));
}

describe('gradientFlow', () => {
  it('flags the layers whose weight gradient is below 1e-3 of the last layer’s, nearest the loss first', () => {
    const plan = chainPlan('sigmoid', 5);
    const flow = gradientFlow(plan, gradients(plan, 0.2));
    expect(flow.map((f) => f.nodeId)).toEqual(['out', 'dense_5', 'dense_4', 'dense_3', 'dense_2', 'dense_1']);
    // 0.2^4 = 1.6e-3 passes, 0.2^5 = 3.2e-4 does not.
    expect(flow.map((f) => f.flag?.kind ?? 'ok')).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'vanishing']);
    const first = flow[5];
    expect(first.ratioToLast).toBeCloseTo(3.2e-4, 12);
    expect(first.growthPerLayer).toBeCloseTo(0.2, 12);
    expect(first.flag?.causes).toEqual(['saturating_activations']);
    expect(first.flag?.explanation).toContain('The weight gradient at dense_1 is 3.2e-4 of the last layer');
    expect(first.flag?.explanation).toContain('Between them lie 5 sigmoid layers');
    expect(first.flag?.explanation).toContain('0.25^5 ≈ 9.8e-4');
    expect(first.flag?.remedies).toEqual(['relu_family', 'he_or_xavier_init', 'batch_norm', 'residual_connections']);
  });

  it('takes its limits from the options', () => {
    const plan = chainPlan('sigmoid', 5);
    const flow = gradientFlow(plan, gradients(plan, 0.2), [], { vanishingRatio: 0.01 });
    // 0.2^3 = 8e-3 is now below the limit too.
    expect(flow.filter((f) => f.flag).map((f) => f.nodeId)).toEqual(['dense_3', 'dense_2', 'dense_1']);
    const growing = gradients(plan, 4);
    expect(gradientFlow(plan, growing).some((f) => f.flag)).toBe(false);
    expect(gradientFlow(plan, growing, [], { explodingFactor: 3.9 }).filter((f) => f.flag)).toHaveLength(5);
  });

  it('flags a gradient growing 10x or more per layer going back as exploding', () => {
    const plan = chainPlan('relu', 3);
    const flow = gradientFlow(plan, gradients(plan, 12));
    expect(flow.map((f) => f.flag?.kind ?? 'ok')).toEqual(['ok', 'exploding', 'exploding', 'exploding']);
    const first = flow[3];
    expect(first.growthPerLayer).toBeCloseTo(12, 10);
    expect(first.flag?.causes).toEqual(['large_weights']);
    expect(first.flag?.explanation).toContain('1700 times');
    expect(first.flag?.explanation).toContain('x12 per layer on average over 3 layers, above the x10 limit');
    expect(first.flag?.remedies).toEqual([
      'he_or_xavier_init',
      'batch_norm',
      'gradient_clipping',
      'smaller_learning_rate',
    ]);
  });

  it('flags non-finite gradients as exploding, the last layer included', () => {
    const plan = chainPlan('relu', 2);
    const flow = gradientFlow(plan, gradients(plan, 1, { out: { weights: size(Number.NaN) } }));
    expect(flow[0].flag).toMatchObject({ kind: 'exploding', causes: ['non_finite'] });
    expect(flow[0].flag?.explanation).toContain('1 NaN or infinite value');
  });

  it('leaves a healthy network alone', () => {
    const plan = chainPlan('relu', 4);
    expect(gradientFlow(plan, gradients(plan, 1.3)).every((f) => f.flag === undefined)).toBe(true);
  });

  it('blames dead ReLUs when the activation statistics show them', () => {
    const plan = chainPlan('relu', 4);
    const dead = (nodeId: string, share: number): ActivationStats =>
      ({ nodeId, type: 'relu', dead: { dead: [], units: 4, share } }) as unknown as ActivationStats;
    const stats = [dead('act_1', 0.5), dead('act_2', 0.75), dead('act_3', 0.25), dead('act_4', 0.5)];
    const flow = gradientFlow(plan, gradients(plan, 0.1), stats);
    const first = flow[flow.length - 1];
    expect(first.flag?.causes).toEqual(['dead_relus']);
    expect(first.flag?.explanation).toContain('Between them lie 4 ReLU layers with 50% of their units dead');
    expect(first.flag?.remedies[0]).toBe('relu_family');
  });

  it('blames the weights when nothing comes back at all', () => {
    const plan = chainPlan('sigmoid', 1);
    const flow = gradientFlow(plan, gradients(plan, 1, { dense_1: { weights: size(0), input: size(0) } }));
    expect(flow[1].ratioToLast).toBe(0);
    expect(flow[1].flag?.causes).toEqual(['small_weights']);
    expect(flow[1].flag?.explanation).toContain('No gradient at all reaches the weights of dense_1');
    expect(flow[1].flag?.remedies[0]).toBe('he_or_xavier_init');
  });
});

describe('remedies and numbers', () => {
  it('lists each remedy once, most direct first', () => {
    expect(remediesFor(['saturating_activations', 'small_weights'])).toEqual([
      'relu_family',
      'he_or_xavier_init',
      'batch_norm',
      'residual_connections',
    ]);
  });

  it('writes numbers in two significant digits', () => {
    expect([0.25, 9.765625e-4, 2.1e-6, 1728, 3.2e7, 0].map(shortNumber)).toEqual([
      '0.25',
      '9.8e-4',
      '2.1e-6',
      '1700',
      '3.2e+7',
      '0',
    ]);
  });
});
