import { describe, expect, it } from 'vitest';
import { examples, parseJson, runCli } from './run-cli';

type Nested = number | Nested[];
interface TraceJson {
  loss: number;
  nodes: Record<
    string,
    { type: string; output: Nested; grad: Nested | null; params: Record<string, { value: Nested; grad: Nested }> }
  >;
}

const workedExample = `${examples}/backprop-2-2-2.json`;
// Hand-worked values of the classic example (CONCEPTS.md): total error and out_o1, out_o2.
const loss = 0.298371109;
const outputs = [0.75136507, 0.772928465];

function significant(value: number, digits: number): number {
  return Number(value.toPrecision(digits));
}

describe.concurrent('trace', () => {
  it('matches the worked example in float32 to 1e-6', async () => {
    const trace = parseJson<TraceJson>(await runCli(['trace', workedExample, '--json']));
    expect(Math.abs(trace.loss - loss)).toBeLessThan(1e-6);
    const [out] = trace.nodes.o_act.output as number[][];
    out.forEach((v, i) => {
      expect(Math.abs(v - outputs[i])).toBeLessThan(1e-6);
    });
    expect(Object.keys(trace.nodes)).toEqual(['x', 'h', 'h_act', 'o', 'o_act', 'loss']);
    expect(trace.nodes.loss).toMatchObject({ type: 'squared_error', grad: 1 });
    // dE/dout_o1 = out_o1 - target_o1.
    const [grad] = trace.nodes.o_act.grad as number[][];
    expect(Math.abs(grad[0] - (outputs[0] - 0.01))).toBeLessThan(1e-6);
    expect(trace.nodes.o.params.W.value).toHaveLength(2);
    expect(Math.abs((trace.nodes.o.params.W.grad as number[][])[0][0] - 0.082167041)).toBeLessThan(1e-6);
  });

  it('matches the worked example in float64 to 9 significant digits', async () => {
    const trace = parseJson<TraceJson>(await runCli(['trace', workedExample, '--dtype', 'float64', '--json']));
    expect(significant(trace.loss, 9)).toBe(loss);
    const [out] = trace.nodes.o_act.output as number[][];
    expect(out.map((v) => significant(v, 9))).toEqual(outputs);
  });

  it('uses --input and --target instead of the sample', async () => {
    const args = ['trace', workedExample, '--input', '[[0,0],[1,1]]', '--target', '[[0,1],[1,0]]', '--json'];
    const trace = parseJson<TraceJson>(await runCli(args));
    expect(trace.nodes.x.output).toEqual([
      [0, 0],
      [1, 1],
    ]);
    // With a zero input the hidden net is the bias alone.
    const [first] = trace.nodes.h.output as number[][];
    expect(first.map((v) => significant(v, 6))).toEqual([0.35, 0.35]);
    expect(trace.loss).toBeGreaterThan(0);
    expect(Math.abs(trace.loss - loss)).toBeGreaterThan(1e-3);
  });

  it('prints readable tables of values and gradients', async () => {
    const result = await runCli(['trace', workedExample]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^loss 0\.298371$/m);
    expect(result.stdout).toMatch(/^node\s+type\s+output\s+dLoss\/d\(output\)$/m);
    expect(result.stdout).toMatch(/^o_act\s+sigmoid\s+\[\[0\.751365, 0\.772928\]\]\s+\[\[0\.741365, -0\.217072\]\]$/m);
    expect(result.stdout).toMatch(/^o\.W\s+\[\[0\.4, 0\.5\], \[0\.45, 0\.55\]\]\s+\[\[0\.082167, /m);
  });
});
