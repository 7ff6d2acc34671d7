import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelText, sizeOf } from '../../src/core';
import { type CliResult, examples, expectUserError, parseJson, repoRoot, runCli } from './run-cli';

interface GradCheckJson {
  passed: boolean;
  epsilon: number;
  tolerance: number;
  entries: {
    node: string;
    tensor: string;
    checked: number;
    total: number;
    maxAbsError: number;
    maxRelError: number;
    passed: boolean;
  }[];
}

const dir = mkdtempSync(join(tmpdir(), 'bps-cli-gradcheck-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Bigger models are sampled, a few elements per tensor, to keep every example quick to check.
const sampledAbove = 500;
const sampledElements = 8;

interface Example {
  file: string;
  /** Why the example cannot be gradient-checked, if it cannot. */
  skip?: string;
  /** The tensors gradcheck must report: the input and every parameter the optimizer trains. */
  tensors: { node: string; tensor: string; total: number }[];
  maxElements?: number;
}

function describeExample(name: string): Example {
  const file = `${examples}/${name}`;
  const { model, plan, issues } = loadModelText(readFileSync(join(repoRoot, file), 'utf8'));
  if (!model || !plan || issues.length) return { file, skip: 'it does not load', tensors: [] };
  if (!model.sample) return { file, skip: 'it has no sample', tensors: [] };
  if (plan.lossIds.length === 0) return { file, skip: 'it has no loss node', tensors: [] };
  if (!model.sample.target) return { file, skip: 'its sample has no target', tensors: [] };
  // At w = 0, b = 0 a step unit sits on its threshold, where it has no derivative to check.
  if (model.training?.rule === 'perceptron') return { file, skip: 'it learns by the perceptron rule', tensors: [] };
  const tensors = [
    { node: plan.inputIds[0], tensor: 'input', total: sizeOf(plan.byId.get(plan.inputIds[0])?.outputShape ?? []) },
  ];
  for (const node of plan.nodes) {
    for (const [tensor, spec] of Object.entries(node.paramSpecs)) {
      if (spec.trainable !== false) tensors.push({ node: node.id, tensor, total: sizeOf(spec.shape) });
    }
  }
  const params = tensors.slice(1).reduce((n, t) => n + t.total, 0);
  return { file, tensors, maxElements: params > sampledAbove ? sampledElements : undefined };
}

const exampleFiles = readdirSync(join(repoRoot, examples))
  .filter((f) => f.endsWith('.json'))
  .sort();

function expectFailed(result: CliResult): void {
  expect(result.status, result.stderr).toBe(1);
  expect(result.stderr).toBe('');
}

describe.concurrent('gradcheck', () => {
  it('finds the examples', () => {
    expect(exampleFiles.length).toBeGreaterThan(0);
  });

  for (const name of exampleFiles) {
    const example = describeExample(name);
    const title = `passes on ${name}${example.maxElements ? ` (${example.maxElements} elements per tensor)` : ''}`;
    if (example.skip) {
      it.skip(`${title}: skipped, ${example.skip}`, () => {});
      continue;
    }
    it(title, async () => {
      const args = ['gradcheck', example.file, '--json'];
      if (example.maxElements) args.push('--max-elements', String(example.maxElements));
      const report = parseJson<GradCheckJson>(await runCli(args));
      const failed = report.entries.filter((e) => !e.passed);
      expect(failed, JSON.stringify(failed)).toEqual([]);
      expect(report.passed).toBe(true);
      expect(report.entries.map(({ node, tensor, total }) => ({ node, tensor, total }))).toEqual(example.tensors);
      const max = example.maxElements ?? 64;
      for (const e of report.entries) expect(e.checked).toBe(Math.min(e.total, max));
    });
  }

  it('prints an aligned table and a closing line for the given data, exit status 0', async () => {
    // --max-elements 3 samples the input [2, 2] and hidden.W [2, 4]; the other tensors are checked whole.
    const args = ['gradcheck', `${examples}/xor-mlp.json`, '--max-elements', '3', '--seed', '7'];
    const result = await runCli([...args, '--input', '[[0.3, -0.2], [1, 0.5]]', '--target', '[[0.5], [0]]']);
    expect(result.status, result.stderr).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines[0]).toBe(`${examples}/xor-mlp.json: gradient check in float64, batch 2, CPU (JavaScript)`);
    const header = lines.findIndex((l) => l.startsWith('node'));
    expect(lines[header]).toMatch(/^node\s+tensor\s+checked\s+max abs error\s+max rel error\s+result$/);
    const rows = lines.slice(header + 2, lines.indexOf('', header));
    expect(rows.map((r) => r.split(/\s+/).slice(0, 2).join('.'))).toEqual([
      'x.input',
      'hidden.W',
      'hidden.b',
      'out.W',
      'out.b',
    ]);
    // Right-aligned numbers end where their headers end; the result starts where its header does.
    const endOf = (h: string) => lines[header].indexOf(h) + h.length;
    for (const row of rows) {
      expect(row.slice(0, endOf('checked'))).toMatch(/ \d+ \/ \d+$/);
      expect(row.slice(0, endOf('max abs error'))).toMatch(/ [\d.e-]+$/);
      expect(row.slice(0, endOf('max rel error'))).toMatch(/ [\d.e-]+$/);
      expect(row.slice(lines[header].indexOf('result'))).toBe('PASS');
    }
    expect(rows[0]).toMatch(/^x\s+input\s+3 \/ 4\s/);
    expect(rows[1]).toMatch(/^hidden\s+W\s+3 \/ 8\s/);
    expect(rows[2]).toMatch(/^hidden\s+b\s+3 \/ 4\s/);
    expect(rows[4]).toMatch(/^out\s+b\s+1 \/ 1\s/);
    expect(lines.at(-2)).toBe('PASS: all 5 tensors match');
  });

  it('fails with exit status 1 when the tolerance is 0 and epsilon is coarse (JSON)', async () => {
    const result = await runCli([
      'gradcheck',
      `${examples}/xor-mlp.json`,
      '--tolerance',
      '0',
      '--epsilon',
      '1e-2',
      '--json',
    ]);
    expectFailed(result);
    const report = JSON.parse(result.stdout) as GradCheckJson;
    expect(report).toMatchObject({ passed: false, epsilon: 0.01, tolerance: 0 });
    expect(Object.keys(report.entries[0]).sort()).toEqual(
      ['checked', 'maxAbsError', 'maxRelError', 'node', 'passed', 'tensor', 'total'].sort(),
    );
    expect(report.entries.some((e) => !e.passed)).toBe(true);
    for (const e of report.entries) {
      // Truncation error of the central difference, about epsilon^2: far above 1e-9, far below 1.
      expect(e.maxAbsError).toBeGreaterThan(1e-9);
      expect(e.maxAbsError).toBeLessThan(1e-2);
      expect(e.passed).toBe(false);
    }
  });

  it('fails with exit status 1 and names the failing tensors (table)', async () => {
    const result = await runCli(['gradcheck', `${examples}/xor-mlp.json`, '--tolerance', '0', '--epsilon', '1e-2']);
    expectFailed(result);
    expect(result.stdout).toMatch(/^hidden\s+W\s+8 \/ 8\s+[\d.e-]+\s+[\d.e-]+\s+FAIL$/m);
    expect(result.stdout).toContain('epsilon 0.01, tolerance 0 relative');
    expect(result.stdout.trimEnd().split('\n').at(-1)).toBe(
      'FAIL: 5 of 5 tensors exceed the tolerance: x.input, hidden.W, hidden.b, out.W, out.b',
    );
  });

  it('documents the exit status in its help', async () => {
    const result = await runCli(['help', 'gradcheck']);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Exit status: 0 when every tensor passes, 1 when any fails, 2 for user errors.');
  });
});

describe.concurrent('gradcheck user errors exit 2', () => {
  const noLoss = join(dir, 'no-loss.json');
  writeFileSync(
    noLoss,
    JSON.stringify({
      format: 'backprop-studio.model',
      version: 1,
      nodes: [
        { id: 'x', type: 'input', config: { shape: [2] } },
        { id: 'h', type: 'dense', config: { units: 1 } },
      ],
      edges: [{ from: 'x', to: 'h' }],
      sample: { input: [[1, 2]] },
    }),
  );
  const xor = `${examples}/xor-mlp.json`;
  const cases: [string, string[], RegExp][] = [
    ['a model without a loss', ['gradcheck', noLoss], /no-loss\.json: the model has no loss node to gradcheck on/],
    ['a negative tolerance', ['gradcheck', xor, '--tolerance=-1'], /--tolerance takes a number 0 or above, not '-1'/],
    ['a detached value starting with a dash', ['gradcheck', xor, '--tolerance', '-1'], /as --tolerance=-\.\.\./],
    ['--dtype, which it does not take', ['gradcheck', xor, '--dtype', 'float32'], /unknown option '--dtype'/],
  ];
  for (const [what, args, message] of cases) {
    it(`refuses ${what}`, async () => {
      const [line] = expectUserError(await runCli(args), 1);
      expect(line).toMatch(message);
    });
  }
});
