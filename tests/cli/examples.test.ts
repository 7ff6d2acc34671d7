import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { examples, parseJson, runCli } from './run-cli';

interface CheckJson {
  nodes: { id: string; outputShape: number[]; params: number }[];
  totalParams: number;
}

interface TraceJson {
  loss: number | null;
  nodes: Record<string, { output: unknown; grad: unknown }>;
}

const files = readdirSync(examples).filter((f) => f.endsWith('.json'));

describe('check and trace on every example', () => {
  it.each(files)('%s checks and traces', async (file) => {
    const path = `${examples}/${file}`;
    const [check, trace] = await Promise.all([
      runCli(['check', path, '--json']),
      runCli(['trace', path, '--json'], { timeoutMs: 60_000 }),
    ]);
    const checked = parseJson<CheckJson>(check);
    expect(checked.nodes.length).toBeGreaterThan(0);
    expect(checked.totalParams).toBe(checked.nodes.reduce((s, n) => s + n.params, 0));
    const traced = parseJson<TraceJson>(trace);
    expect(Object.keys(traced.nodes).sort()).toEqual(checked.nodes.map((n) => n.id).sort());
    if (traced.loss !== null) expect(Number.isFinite(traced.loss)).toBe(true);
  });

  it('gives the textbook shapes and parameter counts for LeNet-5', async () => {
    const checked = parseJson<CheckJson>(await runCli(['check', `${examples}/lenet5.json`, '--json']));
    const byId = new Map(checked.nodes.map((n) => [n.id, n]));
    const expected: [string, number[], number][] = [
      ['c1', [1, 6, 28, 28], 156],
      ['s2', [1, 6, 14, 14], 0],
      ['c3', [1, 16, 10, 10], 2416],
      ['s4', [1, 16, 5, 5], 0],
      ['flat', [1, 400], 0],
      ['f5', [1, 120], 48120],
      ['f6', [1, 84], 10164],
      ['out', [1, 10], 850],
    ];
    for (const [id, shape, params] of expected) {
      expect(byId.get(id)?.outputShape, id).toEqual(shape);
      expect(byId.get(id)?.params, id).toBe(params);
    }
    expect(checked.totalParams).toBe(61706);
  });
});
