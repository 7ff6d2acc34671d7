import { describe, expect, it } from 'vitest';
import { BENCHMARKS, runBench } from '../../bench/runner';

// The runner's quick mode on the CPU, through its exported function: every row must come out
// with finite positive numbers. No timing is asserted; the machine may be busy.
describe('bench --quick --backend cpu', () => {
  it('gives finite positive numbers for every row, with ratios against the tfjs peer', async () => {
    const lines: string[] = [];
    const report = await runBench({ quick: true, backend: 'cpu', log: (line) => lines.push(line) });

    expect(report.entrants.map((e) => e.name)).toEqual(['cpu', 'tfjs-cpu']);
    expect(report.benchmarks.map((b) => b.name)).toEqual(BENCHMARKS.map((b) => b.name));
    for (const benchmark of report.benchmarks) {
      expect(benchmark.rows.length, benchmark.name).toBeGreaterThanOrEqual(2);
      expect(lines.join('\n')).toContain(benchmark.title);
      for (const row of benchmark.rows) {
        const where = `${benchmark.name} / ${row.case} / ${row.entrant}`;
        expect(row.error, where).toBeUndefined();
        for (const column of benchmark.columns) {
          const value = row.metrics[column.key];
          expect(Number.isFinite(value) && value > 0, `${where}: ${column.key} = ${value}`).toBe(true);
          if (column.throughput && !row.peer) {
            const ratio = row.ratios[column.key];
            expect(Number.isFinite(ratio) && ratio > 0, `${where}: ratio ${column.key} = ${ratio}`).toBe(true);
          }
        }
      }
    }
  }, 600_000);
});
