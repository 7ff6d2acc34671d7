import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelText, type SearchConfig } from '../../src/core';
import { examples, expectUserError, parseJson, runCli } from './run-cli';

interface Trial {
  index: number;
  config: SearchConfig;
  valLoss: number;
  valAccuracy?: number;
  seconds: number;
}

interface SearchJson {
  method: string;
  trials: Trial[];
  best: Trial;
  test: { loss: number; accuracy: number | null } | null;
}

const dir = mkdtempSync(join(tmpdir(), 'bps-cli-search-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const xor = `${examples}/xor-mlp.json`;
const grid = ['search', xor, '--dataset', 'xor', '--method', 'grid', '--lr', '0.01,0.1', '--optimizer', 'sgd,adam'];

describe.concurrent('search', () => {
  it('grid on XOR: 4 trials, best first, the best tested, --out applies it', async () => {
    const out = join(dir, 'best.json');
    const result = parseJson<SearchJson>(await runCli([...grid, '--epochs', '20', '--json', '--out', out]));
    expect(result.method).toBe('grid');
    expect(result.trials).toHaveLength(4);
    expect(result.trials.map((t) => t.index).sort()).toEqual([0, 1, 2, 3]);
    expect(new Set(result.trials.map((t) => `${t.config.learningRate} ${t.config.optimizer}`))).toEqual(
      new Set(['0.01 sgd', '0.01 adam', '0.1 sgd', '0.1 adam']),
    );
    const losses = result.trials.map((t) => t.valLoss);
    expect(losses).toEqual([...losses].sort((a, b) => a - b));
    expect(result.best).toEqual(result.trials[0]);
    expect(result.test?.accuracy).toBeGreaterThan(0.4);
    const { model, issues } = loadModelText(readFileSync(out, 'utf8'));
    expect(issues).toEqual([]);
    expect(model?.training?.optimizer).toEqual({
      type: result.best.config.optimizer,
      learningRate: result.best.config.learningRate,
    });
    expect(model?.training?.dataset).toEqual({ name: 'xor' });
  });

  it('prints the sorted table, the best config and its test score', async () => {
    const args = ['search', xor, '--dataset', 'xor', '--method', 'random', '--trials', '3', '--lr', '1e-3:1e-1'];
    const result = await runCli([
      ...args,
      '--units',
      '2,8',
      '--activation',
      'relu,tanh',
      '--epochs',
      '10',
      '--seed',
      '2',
      '--backend',
      'cpu',
    ]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr.trim().split('\n')).toHaveLength(3);
    expect(result.stdout).toMatch(
      /^resources\/examples\/xor-mlp\.json: random search on CPU \(JavaScript\), 3 trials on xor \(120 train, 40 validation, 40 test samples\)$/m,
    );
    expect(result.stdout).toMatch(/^rank\s+learningRate\s+units\s+activation\s+val loss\s+val accuracy\s+seconds$/m);
    expect(result.stdout).toMatch(/^\s+1\s+[\d.e-]+\s+[28]\s+(relu|tanh)\s/m);
    expect(result.stdout).toMatch(/^best: learningRate [\d.e-]+, units [28], activation (relu|tanh) \(val loss /m);
    expect(result.stdout).toMatch(/^test \(best config\): loss [\d.e-]+, accuracy [\d.]+%$/m);
  });

  it('user errors exit 2', async () => {
    const [method, nothing, noData, activation, range] = await Promise.all([
      runCli([...grid, '--method', 'bayes']),
      runCli(['search', xor, '--dataset', 'xor']),
      runCli(['search', xor, '--lr', '0.1,0.2']),
      runCli([...grid, '--activation', 'dense']),
      runCli([...grid, '--lr', '0.1:0.01']),
    ]);
    expect(expectUserError(method, 1)[0]).toContain("--method takes grid or random or lipo, not 'bayes'");
    expect(expectUserError(nothing, 1)[0]).toContain('nothing to search');
    expect(expectUserError(noData, 1)[0]).toContain('needs data: pass --dataset');
    expect(expectUserError(activation, 1)[0]).toContain('--activation takes identity or step');
    expect(expectUserError(range, 1)[0]).toContain('--lr 0.1:0.01: the range must run from low to high');
  });
});
