import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { examples, expectUserError, parseJson, repoRoot, runCli } from './run-cli';

interface InspectJson {
  file: string;
  dtype: string;
  data: string;
  training: { steps: number; losses: number[]; stopped?: string; dataset: string | null } | null;
  loss: number | null;
  activations: {
    nodeId: string;
    type: string;
    mean: number;
    std: number;
    histogram: { counts: number[] };
    saturation?: { share: number };
    dead?: { share: number };
  }[];
  gradients: { nodeId: string; distance: number; weights: { norm: number }; input: { norm: number } }[];
  flow: {
    nodeId: string;
    distance: number;
    ratioToLast: number;
    growthPerLayer: number;
    flag?: { kind: string; causes: string[]; explanation: string; remedies: string[] };
  }[];
}

const dir = mkdtempSync(join(tmpdir(), 'bps-cli-inspect-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const vanishing = `${examples}/deep-sigmoid-vanishing.json`;
const exploding = `${examples}/exploding.json`;

// Every case spawns the CLI (tsx compiles on start), several at once on a shared machine: be patient.
describe.concurrent('inspect', { timeout: 90_000 }, () => {
  it('prints activations, gradients and the vanishing flags of a deep sigmoid stack', async () => {
    const result = await runCli(['inspect', vanishing, '--backend', 'cpu']);
    expect(result.status, result.stderr).toBe(0);
    // Explanations are wrapped to 100 columns: compare them with single spaces.
    const out = result.stdout.replace(/\n {2}(?=\S)/g, ' ');
    expect(out.split('\n')[0]).toBe(
      `${vanishing}: one forward and backward pass (float32, CPU (JavaScript)) on the model's sample`,
    );
    expect(result.stdout).toMatch(/^node\s+type\s+mean\s+std\s+min\s+max\s+saturated\s+dead$/m);
    expect(result.stdout).toMatch(
      /^layer\s+distance\s+\|dE\/dW\|\s+mean \|dE\/dW\|\s+\|dE\/dx\|\s+vs last\s+growth\/layer\s+flag$/m,
    );
    expect(result.stdout).toMatch(/^dense_1\s+8\s.*VANISHING$/m);
    expect(result.stdout).toMatch(/^out\s+0\s/m);
    expect(out).toContain('dense_1: vanishing');
    expect(out).toContain('0.25^8 ≈ 1.5e-5');
    expect(out).toContain('What to try:');
    expect(out).toContain('use ReLU-family activations');
  });

  it('flags the large-init network as exploding', async () => {
    const result = await runCli(['inspect', exploding]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^dense_1\s+3\s.*EXPLODING$/m);
    expect(result.stdout).toContain('dense_1: exploding');
    expect(result.stdout).toContain('clip the gradients');
  });

  it('prints the same numbers as JSON', async () => {
    const report = parseJson<InspectJson>(await runCli(['inspect', vanishing, '--json']));
    expect(report).toMatchObject({ file: vanishing, dtype: 'float32', data: "the model's sample", training: null });
    expect(report.loss).toBeGreaterThan(0);
    expect(report.activations.map((a) => a.nodeId)).toEqual([
      'x',
      ...Array.from({ length: 8 }, (_, i) => [`dense_${i + 1}`, `sigmoid_${i + 1}`]).flat(),
      'out',
    ]);
    const sigmoid = report.activations.find((a) => a.nodeId === 'sigmoid_1');
    expect(sigmoid?.saturation?.share).toBeGreaterThanOrEqual(0);
    expect(sigmoid?.histogram.counts.reduce((a, b) => a + b, 0)).toBe(8 * 16);
    expect(report.gradients.map((g) => [g.nodeId, g.distance])).toEqual([
      ['out', 0],
      ...Array.from({ length: 8 }, (_, i) => [`dense_${8 - i}`, i + 1]),
    ]);
    const first = report.flow.find((f) => f.nodeId === 'dense_1');
    expect(first?.flag).toMatchObject({ kind: 'vanishing', causes: ['saturating_activations'] });
    expect(first?.ratioToLast).toBeLessThan(1e-3);
    expect(first?.flag?.remedies).toContain('batch_norm');
  });

  it('flags nothing on the ReLU twin, and takes the limits from the flags', async () => {
    const plain = parseJson<InspectJson>(await runCli(['inspect', `${examples}/deep-relu-he.json`, '--json']));
    expect(plain.flow.filter((f) => f.flag)).toEqual([]);
    const strict = parseJson<InspectJson>(
      await runCli(['inspect', `${examples}/deep-relu-he.json`, '--exploding', '1.01', '--json']),
    );
    expect(strict.flow.some((f) => f.flag?.kind === 'exploding')).toBe(true);
    const text = await runCli(['inspect', `${examples}/deep-relu-he.json`]);
    expect(text.stdout).toContain('No layer is flagged');
  });

  it('trains N steps on the sample first, and inspects as it was when training diverged', async () => {
    const report = parseJson<InspectJson>(await runCli(['inspect', exploding, '--steps', '5', '--json']));
    expect(report.training?.steps).toBeLessThan(5);
    expect(report.training?.stopped).toMatch(/non-finite/);
    expect(report.flow.find((f) => f.nodeId === 'dense_1')?.flag?.kind).toBe('exploding');
    const zero = parseJson<InspectJson>(
      await runCli(['inspect', `${examples}/zero-init-symmetry.json`, '--steps', '4', '--json']),
    );
    expect(zero.training).toMatchObject({ steps: 4, dataset: 'sample' });
    expect(zero.training?.losses).toHaveLength(4);
  });

  it('trains on --dataset with the fit trainer and inspects its first batch', async () => {
    const args = ['inspect', `${examples}/deep-relu-he.json`, '--dataset', 'circle', '--steps', '3'];
    const report = parseJson<InspectJson>(await runCli([...args, '--json']));
    expect(report.data).toBe('the first samples of circle');
    expect(report.training).toMatchObject({ steps: 3, dataset: 'circle' });
    expect(report.activations[0].histogram.counts.reduce((a, b) => a + b, 0)).toBe(32 * 2);
    const text = await runCli(args);
    expect(text.stdout.split('\n')[1]).toMatch(/^after 3 steps of sgd on circle \(200 samples\): batch loss /);
  });

  it('reports user errors on one line with exit status 2', async () => {
    const bad = [
      ['inspect'],
      ['inspect', 'no-such-model.json'],
      ['inspect', vanishing, '--steps', 'many'],
      ['inspect', vanishing, '--dataset', 'moons'],
      ['inspect', vanishing, '--vanishing', '-1'],
      ['inspect', vanishing, '--exploding', '0'],
      ['inspect', vanishing, '--unknown'],
    ];
    for (const result of await Promise.all(bad.map((args) => runCli(args)))) {
      const [line] = expectUserError(result, 1);
      expect(line).toMatch(/^(backprop-studio inspect|no-such-model\.json)/);
    }
    const model = JSON.parse(readFileSync(join(repoRoot, vanishing), 'utf8')) as {
      nodes: { id: string }[];
      edges: { to: string }[];
      sample?: unknown;
    };
    const noLoss = join(dir, 'no-loss.json');
    writeFileSync(
      noLoss,
      JSON.stringify({
        ...model,
        nodes: model.nodes.filter((n) => n.id !== 'loss'),
        edges: model.edges.filter((e) => e.to !== 'loss'),
      }),
    );
    expect(expectUserError(await runCli(['inspect', noLoss]), 1)[0]).toContain('no loss node');
    const noSample = join(dir, 'no-sample.json');
    writeFileSync(noSample, JSON.stringify({ ...model, sample: undefined }));
    expect(expectUserError(await runCli(['inspect', noSample]), 1)[0]).toContain('no sample');
  });
});
