import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../../src/core/backend/cpu';
import { Network } from '../../../src/core/graph/network';
import type { Params } from '../../../src/core/layers/kind';
import { Tensor } from '../../../src/core/tensor/tensor';
import { createOptimizerFromConfig } from '../../../src/core/train/optimizer-factory';
import { applyMaxNorm } from '../../../src/core/train/regularization';
import { exponentialDecay } from '../../../src/core/train/schedules/decay';
import { sgd } from '../../../src/core/train/sgd';
import { trainableFilter } from '../../../src/core/train/trainable';
import { mlpModel } from './models';

const backend = createCpuBackend();

function denseParams(w: number[], b: number[]): Map<string, Params> {
  return new Map([['d', { W: Tensor.fromArray([2, 2], w, 'float64'), b: Tensor.fromArray([2], b, 'float64') }]]);
}

function denseGrads(gw: number[], gb: number[]): Map<string, Params> {
  return denseParams(gw, gb);
}

const data = (params: Map<string, Params>, name: string) =>
  Array.from(params.get('d')?.[name]?.data ?? [], (v) => v + 0);

describe('penalties, clipping and constraints', () => {
  it('L2 adds 2 l2 w to weight gradients, not to biases', () => {
    const params = denseParams([1, -2, 3, 0], [5, 5]);
    sgd({ learningRate: 1, l2: 0.1 }).step(backend, params, denseGrads([0, 0, 0, 0], [1, 1]));
    expect(data(params, 'W').map((v) => +v.toFixed(12))).toEqual([0.8, -1.6, 2.4, 0]);
    expect(data(params, 'b')).toEqual([4, 4]);
  });

  it('L1 adds l1 sign(w)', () => {
    const params = denseParams([1, -2, 3, 0], [0, 0]);
    sgd({ learningRate: 1, l1: 0.5 }).step(backend, params, denseGrads([0, 0, 0, 0], [0, 0]));
    expect(data(params, 'W')).toEqual([0.5, -1.5, 2.5, 0]);
  });

  it('clips by value, then by global norm', () => {
    const byValue = denseParams([0, 0, 0, 0], [0, 0]);
    sgd({ learningRate: 1, clipValue: 1 }).step(backend, byValue, denseGrads([3, -0.5, -4, 0.2], [2, 0]));
    expect(data(byValue, 'W')).toEqual([-1, 0.5, 1, -0.2]);
    expect(data(byValue, 'b')).toEqual([-1, 0]);

    // Global norm of all gradients: sqrt(9 + 16 + 0 + 0 + 144 + 0) = 13; scaled to 6.5.
    const byNorm = denseParams([0, 0, 0, 0], [0, 0]);
    sgd({ learningRate: 1, clipNorm: 6.5 }).step(backend, byNorm, denseGrads([3, 4, 0, 0], [12, 0]));
    expect(data(byNorm, 'W')).toEqual([-1.5, -2, 0, 0]);
    expect(data(byNorm, 'b')).toEqual([-6, 0]);
  });

  it('max-norm keeps each dense unit (column) and each conv filter (first axis) within c', () => {
    // W [2 inputs, 2 units]: column 0 = (3, 4), norm 5; column 1 = (0.3, 0.4), norm 0.5.
    const w = new Float64Array([3, 0.3, 4, 0.4]);
    applyMaxNorm(w, [2, 2], 2);
    expect(Math.hypot(w[0], w[2])).toBeCloseTo(2, 6);
    expect(w[0] / w[2]).toBeCloseTo(0.75, 12);
    expect(Math.hypot(w[1], w[3])).toBeCloseTo(0.5, 6);
    const conv = new Float64Array([2, 2, 2, 2, 0.1, 0.1, 0.1, 0.1]);
    applyMaxNorm(conv, [2, 1, 2, 2], 1);
    expect(Math.hypot(...conv.slice(0, 4))).toBeCloseTo(1, 6);
    expect(conv[4]).toBeCloseTo(0.1, 6);
  });

  it('applies max-norm after the update, to weights only', () => {
    const params = denseParams([3, 0, 4, 0], [10, 10]);
    sgd({ learningRate: 1, maxNorm: 1 }).step(backend, params, denseGrads([0, 0, 0, 0], [0, 0]));
    expect(Math.hypot(data(params, 'W')[0], data(params, 'W')[2])).toBeCloseTo(1, 6);
    expect(data(params, 'b')).toEqual([10, 10]);
  });

  it('skips what the filter rejects and keeps no state for it', () => {
    const params = denseParams([1, 1, 1, 1], [1, 1]);
    const opt = createOptimizerFromConfig({ type: 'adam', learningRate: 0.1 });
    opt.step(backend, params, denseGrads([1, 1, 1, 1], [1, 1]), (_id, name) => name !== 'b');
    expect(data(params, 'b')).toEqual([1, 1]);
    expect(data(params, 'W')[0]).toBeLessThan(1);
  });

  it('reads the schedule at the global step', () => {
    const opt = sgd({ learningRate: exponentialDecay({ learningRate: 1, decaySteps: 1, decayRate: 0.5 }) });
    const params = denseParams([0, 0, 0, 0], [0, 0]);
    const rates: number[] = [];
    for (let i = 0; i < 3; i++) {
      rates.push(opt.learningRate());
      opt.step(backend, params, denseGrads([1, 0, 0, 0], [0, 0]));
    }
    expect(rates).toEqual([1, 0.5, 0.25]);
    expect(data(params, 'W')[0]).toBe(-1.75);
  });

  it('factory rejects bad configs with the field named', () => {
    expect(() => createOptimizerFromConfig({ type: 'adam', beta1: 2 })).toThrow(/beta1/);
    expect(() =>
      createOptimizerFromConfig({ type: 'sgd', learningRate: { type: 'cosine', learningRate: 1, decaySteps: 10 } }),
    ).not.toThrow();
  });
});

describe('trainable filter', () => {
  it('rejects frozen nodes and parameters marked trainable: false', () => {
    const model = mlpModel(
      [2],
      [
        { units: 3, activation: 'relu' },
        { units: 2, activation: 'none' },
      ],
      'mse',
    );
    const net = Network.fromModel(model, { backend });
    const filter = trainableFilter(net, ['dense0']);
    expect(filter('dense0', 'W')).toBe(false);
    expect(filter('dense1', 'W')).toBe(true);
    const node = net.plan.byId.get('dense1');
    if (!node) throw new Error('no dense1');
    node.paramSpecs.b = { ...node.paramSpecs.b, trainable: false };
    expect(trainableFilter(net)('dense1', 'b')).toBe(false);
  });
});
