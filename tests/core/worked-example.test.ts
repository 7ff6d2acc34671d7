import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCpuBackend } from '../../src/core/backend/cpu';
import { Network } from '../../src/core/graph/network';
import type { DType, NestedArray, Tensor } from '../../src/core/tensor/tensor';
import { sgd } from '../../src/core/train/sgd';

const backend = createCpuBackend();
const model: unknown = JSON.parse(
  readFileSync(new URL('../../resources/examples/backprop-2-2-2.json', import.meta.url), 'utf8'),
);

/*
 * Expected values, computed once, independently of the engine, by a short python3 script with
 * plain floats (CONCEPTS.md 'Forward and backward'): s(x) = 1/(1+exp(-x));
 * net_h1 = w1 i1 + w2 i2 + b1, net_h2 = w3 i1 + w4 i2 + b1, out_h = s(net_h);
 * net_o1 = w5 out_h1 + w6 out_h2 + b2, net_o2 = w7 out_h1 + w8 out_h2 + b2, out_o = s(net_o);
 * E = sum 1/2 (t - out_o)^2; delta_o = (out_o - t) out_o (1 - out_o); dw5 = delta_o1 out_h1, ...;
 * delta_h1 = (delta_o1 w5 + delta_o2 w7) out_h1 (1 - out_h1), delta_h2 = (delta_o1 w6 + delta_o2 w8)
 * out_h2 (1 - out_h2); dw1 = delta_h1 i1, dw2 = delta_h1 i2, dw3 = delta_h2 i1, dw4 = delta_h2 i2;
 * dE/db = delta (each unit has its own bias); w <- w - 0.5 dE/dw for weights and biases;
 * E_after_step is a second forward pass with every updated value. The printed reprs are pasted
 * here. They agree with the well-known hand-worked numbers (out_o1 = 0.75136507,
 * E = 0.298371109, w5+ = 0.35891648, w1+ = 0.149780716).
 */
const expected = {
  net_h1: 0.3775,
  net_h2: 0.39249999999999996,
  out_h1: 0.5932699921071872,
  out_h2: 0.596884378259767,
  net_o1: 1.10590596705977,
  net_o2: 1.2249214040964653,
  out_o1: 0.7513650695523157,
  out_o2: 0.7729284653214625,
  E_total: 0.2983711087600027,
  delta_o1: 0.13849856162855695,
  delta_o2: -0.038098236516556236,
  delta_h1: 0.00877135468948693,
  delta_h2: 0.009954254705217196,
  dout_h1: 0.03635030639314466,
  dout_h2: 0.0413703226487447,
  dw1: 0.0004385677344743465,
  dw2: 0.000877135468948693,
  dw3: 0.0004977127352608599,
  dw4: 0.0009954254705217198,
  dw5: 0.08216704056423077,
  dw6: 0.08266762784753325,
  dw7: -0.02260254047747507,
  dw8: -0.022740242215978222,
  db1_1: 0.00877135468948693,
  db1_2: 0.009954254705217196,
  db2_1: 0.13849856162855695,
  db2_2: -0.038098236516556236,
  dx1: 0.0038042668797273384,
  dx2: 0.004740547349462545,
  new_w1: 0.1497807161327628,
  new_w2: 0.19956143226552567,
  new_w3: 0.24975114363236958,
  new_w4: 0.29950228726473915,
  new_w5: 0.35891647971788465,
  new_w6: 0.4086661860762334,
  new_w7: 0.5113012702387375,
  new_w8: 0.5613701211079891,
  new_b1_1: 0.3456143226552565,
  new_b1_2: 0.3450228726473914,
  new_b2_1: 0.5307507191857215,
  new_b2_2: 0.6190491182582781,
  E_after_step: 0.28047144679143016,
};

/** actual equals expected when both are rounded to `digits` significant digits (half an ulp of that rounding). */
function expectSignificant(actual: number | undefined, want: number, digits: number, what = ''): void {
  expect(actual, `${what} is missing`).toBeTypeOf('number');
  const magnitude = 10 ** Math.floor(Math.log10(Math.abs(want)));
  const tolerance = 0.5 * magnitude * 10 ** (1 - digits);
  const error = Math.abs((actual as number) - want);
  expect(
    error,
    `${what}: ${actual} differs from ${want} in the first ${digits} significant digits (error ${error.toExponential(2)})`,
  ).toBeLessThanOrEqual(tolerance);
}

function expectAllSignificant(
  actual: ArrayLike<number> | undefined,
  want: number[],
  digits: number,
  what: string,
): void {
  expect(actual, `${what} is missing`).toBeDefined();
  const values = Array.from(actual as ArrayLike<number>);
  expect(values).toHaveLength(want.length);
  want.forEach((w, i) => {
    expectSignificant(values[i], w, digits, `${what}[${i}]`);
  });
}

function pass(dtype: DType) {
  const net = Network.fromModel(model, { backend, dtype });
  const ctx = net.context();
  const ex = net.executor(ctx);
  const loss = ex.runPass();
  const out = (id: string) => (ex.outputs.get(id) as Tensor).data;
  const grad = (id: string, name: string) => ex.paramGrads.get(id)?.[name]?.data;
  return { net, ctx, ex, loss, out, grad };
}

const e = expected;

describe('worked backpropagation example 2-2-2', () => {
  it('the helper rejects a value wrong in the 9th significant digit', () => {
    expect(() => expectSignificant(0.298371109, e.E_total, 9)).not.toThrow();
    expect(() => expectSignificant(0.298371119, e.E_total, 9)).toThrow();
    expect(() => expectSignificant(-0.0226025405, e.dw7, 9)).not.toThrow();
    expect(() => expectSignificant(-0.0226025415, e.dw7, 9)).toThrow();
  });

  describe.each([
    ['float64', 9],
    ['float32', 6],
  ] as const)('%s, to %i significant digits', (dtype, digits) => {
    it('forward: net and out of every unit, and E_total', () => {
      const { out, loss, ex } = pass(dtype);
      expect(ex.phase).toBe('done');
      expectAllSignificant(out('h'), [e.net_h1, e.net_h2], digits, 'net_h');
      expectAllSignificant(out('h_act'), [e.out_h1, e.out_h2], digits, 'out_h');
      expectAllSignificant(out('o'), [e.net_o1, e.net_o2], digits, 'net_o');
      expectAllSignificant(out('o_act'), [e.out_o1, e.out_o2], digits, 'out_o');
      expectSignificant(out('loss')[0], e.E_total, digits, 'E_total (loss node)');
      expectSignificant(loss, e.E_total, digits, 'E_total (pass)');
      expect(out('loss')).toBeInstanceOf(dtype === 'float64' ? Float64Array : Float32Array);
    });

    it('backward: every dE/dw (w1..w8), the bias gradients and the deltas', () => {
      const { ex, grad } = pass(dtype);
      // dense W is [inputs, units] row-major: hidden W data = [w1, w3, w2, w4], output [w5, w7, w6, w8]
      expectAllSignificant(grad('h', 'W'), [e.dw1, e.dw3, e.dw2, e.dw4], digits, 'dE/dW hidden');
      expectAllSignificant(grad('o', 'W'), [e.dw5, e.dw7, e.dw6, e.dw8], digits, 'dE/dW output');
      expectAllSignificant(grad('h', 'b'), [e.db1_1, e.db1_2], digits, 'dE/db1');
      expectAllSignificant(grad('o', 'b'), [e.db2_1, e.db2_2], digits, 'dE/db2');
      expectAllSignificant(ex.grads.get('o')?.data, [e.delta_o1, e.delta_o2], digits, 'dE/dnet_o');
      expectAllSignificant(ex.grads.get('h_act')?.data, [e.dout_h1, e.dout_h2], digits, 'dE/dout_h');
      expectAllSignificant(ex.grads.get('h')?.data, [e.delta_h1, e.delta_h2], digits, 'dE/dnet_h');
      expectAllSignificant(
        ex.grads.get('o_act')?.data,
        [e.out_o1 - 0.01, e.out_o2 - 0.99],
        digits,
        'dE/dout_o = out - target',
      );
      expectAllSignificant(ex.grads.get('x')?.data, [e.dx1, e.dx2], digits, 'dE/dinput');
    });

    it('one SGD step with learning rate 0.5 updates every weight and bias', () => {
      const { net, ctx, ex } = pass(dtype);
      sgd(0.5).step(backend, net.params, ex.paramGrads);
      const p = (id: string, name: string) => net.params.get(id)?.[name]?.data;
      expectAllSignificant(p('h', 'W'), [e.new_w1, e.new_w3, e.new_w2, e.new_w4], digits, 'hidden W after step');
      expectAllSignificant(p('o', 'W'), [e.new_w5, e.new_w7, e.new_w6, e.new_w8], digits, 'output W after step');
      expectAllSignificant(p('h', 'b'), [e.new_b1_1, e.new_b1_2], digits, 'b1 after step');
      expectAllSignificant(p('o', 'b'), [e.new_b2_1, e.new_b2_2], digits, 'b2 after step');
      const after = net.executor(ctx);
      after.runForward();
      expectSignificant(after.loss, e.E_after_step, digits, 'E after one step');
      expect(after.loss as number).toBeLessThan(e.E_total);
    });
  });

  it('Network.trace gives the values and gradients as nested arrays', async () => {
    const net = Network.fromModel(model, { backend, dtype: 'float64' });
    const trace = await net.trace(net.context());
    expectSignificant(trace.loss ?? undefined, e.E_total, 9, 'trace loss');
    expect(Object.keys(trace.nodes)).toEqual(['x', 'h', 'h_act', 'o', 'o_act', 'loss']);
    expect(trace.nodes.h.type).toBe('dense');
    expect(trace.nodes.loss.type).toBe('squared_error');

    const rows = (v: NestedArray | null | undefined): number[][] => {
      expect(Array.isArray(v)).toBe(true);
      return v as number[][];
    };
    const check = (v: NestedArray | null | undefined, want: number[][], what: string) => {
      const got = rows(v);
      expect(got.map((r) => r.length)).toEqual(want.map((r) => r.length));
      want.forEach((r, i) => {
        expectAllSignificant(got[i], r, 9, `${what}[${i}]`);
      });
    };
    expect(trace.nodes.x.output).toEqual([[0.05, 0.1]]);
    check(trace.nodes.h.output, [[e.net_h1, e.net_h2]], 'h output');
    check(trace.nodes.h_act.output, [[e.out_h1, e.out_h2]], 'h_act output');
    check(trace.nodes.o.output, [[e.net_o1, e.net_o2]], 'o output');
    check(trace.nodes.o_act.output, [[e.out_o1, e.out_o2]], 'o_act output');
    expect(typeof trace.nodes.loss.output).toBe('number');
    expectSignificant(trace.nodes.loss.output as number, e.E_total, 9, 'loss output');

    expect(trace.nodes.loss.grad).toBe(1);
    check(trace.nodes.o_act.grad, [[e.out_o1 - 0.01, e.out_o2 - 0.99]], 'o_act grad');
    check(trace.nodes.o.grad, [[e.delta_o1, e.delta_o2]], 'o grad');
    check(trace.nodes.h_act.grad, [[e.dout_h1, e.dout_h2]], 'h_act grad');
    check(trace.nodes.h.grad, [[e.delta_h1, e.delta_h2]], 'h grad');
    check(trace.nodes.x.grad, [[e.dx1, e.dx2]], 'x grad');

    expect(Object.keys(trace.nodes.h.params).sort()).toEqual(['W', 'b']);
    expect(trace.nodes.h.params.W.value).toEqual([
      [0.15, 0.25],
      [0.2, 0.3],
    ]);
    check(
      trace.nodes.h.params.W.grad,
      [
        [e.dw1, e.dw3],
        [e.dw2, e.dw4],
      ],
      'hidden W grad',
    );
    check(
      trace.nodes.o.params.W.grad,
      [
        [e.dw5, e.dw7],
        [e.dw6, e.dw8],
      ],
      'output W grad',
    );
    expect(trace.nodes.o.params.b.value).toEqual([0.6, 0.6]);
    const b1 = trace.nodes.h.params.b.grad as number[];
    expectAllSignificant(b1, [e.db1_1, e.db1_2], 9, 'b1 grad');
    expect(trace.nodes.h_act.params).toEqual({});
    // a trace runs a pass but changes no weights
    expect(Array.from(net.params.get('h')?.W.data ?? [])).toEqual([0.15, 0.25, 0.2, 0.3]);
  });
});
