import { describe, expect, it } from 'vitest';
import { examples, parseJson, runCli } from './run-cli';

interface CheckJson {
  file: string;
  batch: number;
  nodes: { id: string; type: string; outputShape: number[]; params: number; paramShapes: Record<string, number[]> }[];
  totalParams: number;
}

const expected = {
  'backprop-2-2-2.json': { batch: 1, total: 12, dense: { h: 6, o: 6 }, lossType: 'squared_error' },
  'perceptron-nand.json': { batch: 4, total: 3, dense: { unit: 3 }, lossType: 'squared_error' },
  'xor-mlp.json': { batch: 4, total: 17, dense: { hidden: 12, out: 5 }, lossType: 'mse' },
} as const;

describe.concurrent('check', () => {
  for (const [name, want] of Object.entries(expected)) {
    it(`reports shapes and parameter counts of ${name} as JSON`, async () => {
      const report = parseJson<CheckJson>(await runCli(['check', `${examples}/${name}`, '--json']));
      expect(report.batch).toBe(want.batch);
      expect(report.totalParams).toBe(want.total);
      expect(report.nodes[0]).toMatchObject({ type: 'input', params: 0 });
      for (const [id, params] of Object.entries(want.dense)) {
        expect(report.nodes.find((n) => n.id === id)).toMatchObject({ type: 'dense', params });
      }
      const loss = report.nodes.at(-1);
      expect(loss).toMatchObject({ type: want.lossType, outputShape: [], params: 0 });
      expect(report.nodes.reduce((n, node) => n + node.params, 0)).toBe(want.total);
    });

    it(`prints an aligned table for ${name}`, async () => {
      const result = await runCli(['check', `${examples}/${name}`]);
      expect(result.status, result.stderr).toBe(0);
      const lines = result.stdout.split('\n');
      const header = lines.findIndex((l) => l.startsWith('node'));
      expect(lines[header]).toMatch(/^node\s+type\s+output shape\s+params\s+parameter shapes$/);
      // Every row starts its columns where the header does.
      const paramsEnd = lines[header].indexOf('params') + 'params'.length;
      const rows = lines.slice(header + 2).filter((l) => l && !l.startsWith('-'));
      for (const row of rows) expect(row.slice(0, paramsEnd)).toMatch(/\d$/);
      expect(rows.at(-1)).toMatch(new RegExp(`^total\\s+${want.total}$`));
    });
  }

  it('shows the worked example row by row', async () => {
    const result = await runCli(['check', `${examples}/backprop-2-2-2.json`]);
    expect(result.stdout).toMatch(/^h\s+dense\s+\[1, 2\]\s+6\s+W \[2, 2\], b \[2\]$/m);
    expect(result.stdout).toMatch(/^loss\s+squared_error\s+\[\]\s+0$/m);
  });
});
