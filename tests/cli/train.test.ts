import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadModelText, type ModelJson } from '../../src/core';
import { examples, parseJson, runCli } from './run-cli';

interface TrainJson {
  losses: number[];
  finalLoss: number;
  model: ModelJson;
}

const workedExample = `${examples}/backprop-2-2-2.json`;
const dir = mkdtempSync(join(tmpdir(), 'bps-cli-train-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// One SGD step with lr 0.5 on the worked example, W row-major [inputs, units].
const hiddenW = [0.149780716, 0.24975114, 0.19956143, 0.29950229];
const outputW = [0.35891648, 0.51130127, 0.408666186, 0.561370121];

function weights(model: ModelJson, id: string): number[] {
  const data = model.nodes.find((n) => n.id === id)?.params?.W.data;
  if (!data) throw new Error(`node ${id} has no stored W`);
  return data;
}

function expectClose(actual: number[], expected: number[], tolerance: number): void {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((v, i) => {
    expect(Math.abs(v - expected[i]), `index ${i}: ${v} vs ${expected[i]}`).toBeLessThan(tolerance);
  });
}

describe.concurrent('train', () => {
  it('takes one SGD step on the worked example and writes a model that loads again', async () => {
    const out = join(dir, 'trained.json');
    const args = ['train', workedExample, '--steps', '1', '--lr', '0.5', '--out', out, '--json'];
    const result = parseJson<TrainJson>(await runCli(args));
    expect(result.losses).toHaveLength(1);
    expect(Math.abs(result.losses[0] - 0.298371109)).toBeLessThan(1e-6);
    expect(result.finalLoss).toBeLessThan(result.losses[0]);
    expectClose(weights(result.model, 'h'), hiddenW, 1e-6);
    expectClose(weights(result.model, 'o'), outputW, 1e-6);

    const { model, issues } = loadModelText(readFileSync(out, 'utf8'));
    expect(issues).toEqual([]);
    if (!model) throw new Error('the written model did not load');
    expectClose(weights(model, 'h'), hiddenW, 1e-6);
    expectClose(weights(model, 'o'), outputW, 1e-6);
    expect(model.sample).toEqual(result.model.sample);
  });

  it('prints the falling loss and where the model went', async () => {
    const out = join(dir, 'xor.json');
    const result = await runCli(['train', `${examples}/xor-mlp.json`, '--steps', '300', '--lr', '0.5', '--out', out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^step\s+loss$/m);
    expect(result.stdout).toMatch(/^\s+0\s+0\.267916$/m);
    expect(result.stdout).toMatch(/^\s+299\s+[\d.e-]+$/m);
    const [, before, after] = /loss ([\d.e-]+) before training, ([\d.e-]+) after/.exec(result.stdout) ?? [];
    expect(Number(after)).toBeLessThan(Number(before));
    expect(result.stdout).toContain(`trained model written to ${out}`);
    expect(loadModelText(readFileSync(out, 'utf8')).issues).toEqual([]);
  });
});
