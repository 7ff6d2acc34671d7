import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  flatten,
  maxAbsDifference,
  type Nested,
  relativeDifference,
  type TraceJson,
  traceDifferences,
} from './backend-compare';
import {
  type CliResult,
  examples,
  expectUserError,
  parseJson,
  repoRoot,
  runCli,
  runNode,
  stderrLines,
} from './run-cli';
import type { BackendRuns } from './trace-backends-run';

// WebGPU without a GPU: Dawn finds SwiftShader's Vulkan driver, which Debian's Chromium ships, through
// VK_ICD_FILENAMES; XDG_RUNTIME_DIR set to a private folder keeps the driver from warning about it.
const swiftShaderIcd = '/usr/lib/chromium/vk_swiftshader_icd.json';

// float32 on two backends: the same operations, summed in other orders (and fused multiply-adds on
// a GPU). On SwiftShader the largest difference is 2.7e-5 of a tensor's scale (a gradient coming
// back through batch norm, whose backward pass subtracts means); most are below 1e-6.
const TOLERANCE = 1e-4;

const modelFiles = readdirSync(join(repoRoot, examples))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((f) => `${examples}/${f}`);

let runtimeDir: string | undefined;

/** The environment that gives a spawned CLI a WebGPU adapter on any machine: SwiftShader's. */
function webGpuEnv(): Record<string, string> {
  if (!existsSync(swiftShaderIcd)) {
    throw new Error(
      `${swiftShaderIcd} is missing, so the CLI has no WebGPU adapter to test on: install Chromium ` +
        '(apt-get install -y chromium), which ships SwiftShader, the Vulkan driver these tests run WebGPU on',
    );
  }
  runtimeDir ??= mkdtempSync(join(tmpdir(), 'backprop-studio-xdg-'));
  return { VK_ICD_FILENAMES: swiftShaderIcd, XDG_RUNTIME_DIR: runtimeDir };
}

afterAll(() => {
  if (runtimeDir) rmSync(runtimeDir, { recursive: true, force: true });
});

function runGpuCli(args: string[], timeoutMs = 60_000): Promise<CliResult> {
  return runCli(args, { env: webGpuEnv(), timeoutMs });
}

/** Differences over the tolerance, worst first, as lines for a failure message. */
function overTolerance(differences: ReturnType<typeof traceDifferences>): string[] {
  return differences
    .filter((d) => !(relativeDifference(d) <= TOLERANCE))
    .sort((a, b) => relativeDifference(b) - relativeDifference(a))
    .map((d) => `${d.tensor}: max |cpu - webgpu| ${d.maxAbsDiff} against ${d.scale}`);
}

function expectClose(actual: Nested, expected: Nested, what: string): void {
  const scale = Math.max(...flatten(expected).map((v) => Math.abs(v ?? Number.NaN)));
  const difference = maxAbsDifference(actual, expected);
  expect(difference / scale, `${what}: webgpu ${JSON.stringify(actual)}, cpu ${JSON.stringify(expected)}`).toBeLessThan(
    TOLERANCE,
  );
}

describe('trace on WebGPU against the CPU, every example', () => {
  let runs = new Map<string, BackendRuns>();

  beforeAll(async () => {
    const env = webGpuEnv();
    const dir = mkdtempSync(join(tmpdir(), 'backprop-studio-trace-'));
    try {
      const out = join(dir, 'runs.json');
      const script = await runNode(['--import', 'tsx', 'tests/cli/trace-backends-run.ts', out, ...modelFiles], {
        env,
        timeoutMs: 240_000,
      });
      expect(script.status, script.stderr).toBe(0);
      const all = JSON.parse(readFileSync(out, 'utf8')) as BackendRuns[];
      runs = new Map(all.map((r) => [r.file, r]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const adapter = [...runs.values()].find((r) => r.webgpu.status === 0);
    const description = adapter && (JSON.parse(adapter.webgpu.stdout) as TraceJson).backend.description;
    console.log(`WebGPU adapter: ${description ?? 'none opened'}`);
  }, 300_000);

  it('has models that trace accepts on the CPU', () => {
    const accepted = [...runs.values()].filter((r) => r.cpu.status === 0);
    expect(accepted.length).toBeGreaterThan(0);
  });

  it.each(modelFiles)('%s: the same values and gradients', (file) => {
    const run = runs.get(file);
    if (!run) throw new Error(`${file} did not run`);
    if (run.cpu.status !== 0) {
      // Not a model trace takes: then the CPU run says why, as a user error.
      expect(run.cpu.status, run.cpu.stderr.join('\n')).toBe(2);
      return;
    }
    expect(run.webgpu.status, run.webgpu.stderr.join('\n')).toBe(0);
    const cpu = JSON.parse(run.cpu.stdout) as TraceJson;
    const gpu = JSON.parse(run.webgpu.stdout) as TraceJson;
    expect(cpu.backend.name).toBe('cpu');
    expect(gpu.backend.name).toBe('webgpu');
    expect(Object.keys(gpu.nodes)).toEqual(Object.keys(cpu.nodes));
    const differences = traceDifferences(cpu, gpu);
    expect(differences.some((d) => d.tensor.endsWith('.grad'))).toBe(true);
    expect(overTolerance(differences)).toEqual([]);
  });
});

describe('the --backend flag, end to end', () => {
  const workedExample = `${examples}/backprop-2-2-2.json`;

  it('traces on WebGPU from the command line and says so in the header', async () => {
    const [gpu, cpu, human] = await Promise.all([
      runGpuCli(['trace', workedExample, '--json', '--backend', 'webgpu']),
      runCli(['trace', workedExample, '--json', '--backend', 'cpu']),
      runGpuCli(['trace', workedExample, '--backend', 'webgpu']),
    ]);
    const gpuTrace = parseJson<TraceJson>(gpu);
    expect(gpuTrace.backend).toMatchObject({ name: 'webgpu', description: expect.stringMatching(/^WebGPU \(/) });
    expect(overTolerance(traceDifferences(parseJson<TraceJson>(cpu), gpuTrace))).toEqual([]);
    expect(human.status, human.stderr).toBe(0);
    expect(human.stdout.split('\n')[0]).toMatch(
      /^resources\/examples\/backprop-2-2-2\.json: one forward and backward pass \(float32, batch 1, WebGPU \(.+\)\)$/,
    );
  });

  it('runs on the CPU with --backend cpu, and with auto where the only adapter is a software one', async () => {
    const [cpu, auto] = await Promise.all([
      runCli(['trace', workedExample, '--backend', 'cpu']),
      runGpuCli(['trace', workedExample]),
    ]);
    for (const result of [cpu, auto]) {
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout.split('\n')[0]).toContain('(float32, batch 1, CPU (JavaScript))');
    }
  });

  it('trains in sample mode on WebGPU with the CPU losses and weights', async () => {
    const args = ['train', `${examples}/xor-mlp.json`, '--steps', '3', '--lr', '0.5', '--json', '--backend'];
    const [gpu, cpu] = await Promise.all([runGpuCli([...args, 'webgpu']), runCli([...args, 'cpu'])]);
    interface Trained {
      losses: number[];
      finalLoss: number;
      backend: { name: string };
      model: { nodes: { id: string; params?: Record<string, { shape: number[]; data: number[] }> }[] };
    }
    const g = parseJson<Trained>(gpu);
    const c = parseJson<Trained>(cpu);
    expect([g.backend.name, c.backend.name]).toEqual(['webgpu', 'cpu']);
    expect(g.losses).toHaveLength(3);
    expectClose(g.losses, c.losses, 'losses');
    expectClose(g.finalLoss, c.finalLoss, 'final loss');
    expect(c.model.nodes.filter((n) => n.params).map((n) => n.id)).toEqual(['hidden', 'out']);
    for (const node of c.model.nodes) {
      const trained = g.model.nodes.find((n) => n.id === node.id);
      for (const [name, value] of Object.entries(node.params ?? {}))
        expectClose(trained?.params?.[name]?.data ?? [], value.data, `${node.id}.${name}`);
    }
  });

  it('trains in dataset mode on WebGPU with the CPU losses', async () => {
    const args = ['train', `${examples}/batchnorm-deep.json`, '--steps', '3', '--json', '--backend'];
    const [gpu, cpu] = await Promise.all([runGpuCli([...args, 'webgpu']), runCli([...args, 'cpu'])]);
    interface Line {
      done?: boolean;
      loss?: number;
      accuracy?: number | null;
      train?: { loss: number; accuracy: number | null };
      backend?: { name: string };
    }
    const lines = (r: CliResult) => {
      expect(r.status, r.stderr).toBe(0);
      return r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as Line);
    };
    const [g, c] = [lines(gpu), lines(cpu)];
    expect(g.map((l) => Boolean(l.done))).toEqual(c.map((l) => Boolean(l.done)));
    const [gDone, cDone] = [g.at(-1) as Line, c.at(-1) as Line];
    expect([gDone.backend?.name, cDone.backend?.name]).toEqual(['webgpu', 'cpu']);
    expectClose(gDone.train?.loss ?? Number.NaN, cDone.train?.loss ?? Number.NaN, 'train loss after 3 steps');
    expectClose(g[0].loss ?? Number.NaN, c[0].loss ?? Number.NaN, 'first epoch loss');
  });

  it('trains by the perceptron rule on the CPU, saying so when WebGPU was asked for', async () => {
    const result = await runGpuCli(['train', `${examples}/perceptron-learn-nand.json`, '--backend', 'webgpu']);
    expect(result.status, result.stderr).toBe(0);
    expect(stderrLines(result)).toEqual([
      'backprop-studio train: the perceptron rule updates the weights one sample at a time on the CPU; --backend webgpu is not used',
    ]);
    expect(result.stdout.split('\n')[0]).toContain('perceptron rule, eta 1, CPU (JavaScript), on the sample');
  });

  it('inspects and searches on WebGPU', async () => {
    const [inspect, search] = await Promise.all([
      runGpuCli(['inspect', `${examples}/deep-sigmoid-vanishing.json`, '--json', '--backend', 'webgpu']),
      runGpuCli([
        'search',
        `${examples}/xor-mlp.json`,
        '--dataset',
        'xor',
        '--method',
        'grid',
        '--lr',
        '0.1',
        '--epochs',
        '1',
        '--json',
        '--backend',
        'webgpu',
      ]),
    ]);
    const inspected = parseJson<{ backend: { name: string }; loss: number }>(inspect);
    expect(inspected.backend.name).toBe('webgpu');
    expect(Number.isFinite(inspected.loss)).toBe(true);
    const searched = parseJson<{ backend: { name: string }; trials: { valLoss: number }[] }>(search);
    expect(searched.backend.name).toBe('webgpu');
    expect(searched.trials).toHaveLength(1);
    expect(Number.isFinite(searched.trials[0].valLoss)).toBe(true);
  });

  it('refuses a backend it does not know, in one line', async () => {
    const result = await runCli(['trace', workedExample, '--backend', 'bogus']);
    expect(expectUserError(result, 1)[0]).toBe(
      "backprop-studio trace: --backend takes auto or webgpu or cpu, not 'bogus' (see: backprop-studio help trace)",
    );
  });

  it('refuses WebGPU in float64, in one line', async () => {
    const results = await Promise.all([
      runGpuCli(['trace', workedExample, '--backend', 'webgpu', '--dtype', 'float64']),
      runGpuCli([
        'train',
        `${examples}/xor-mlp.json`,
        '--steps',
        '3',
        '--lr',
        '0.5',
        '--backend',
        'webgpu',
        '--dtype',
        'float64',
      ]),
      runGpuCli(['gradcheck', workedExample, '--backend', 'webgpu']),
    ]);
    for (const result of results) expect(expectUserError(result, 1)[0]).toMatch(/float(32 only|64, which WebGPU)/);
  });

  it('says in one line how to get an adapter when --backend webgpu finds none', async () => {
    const result = await runCli(['trace', workedExample, '--backend', 'webgpu'], {
      env: { ...webGpuEnv(), VK_ICD_FILENAMES: join(tmpdir(), 'no-such-vulkan-driver.json') },
      timeoutMs: 60_000,
    });
    expect(result.status, result.stderr).toBe(2);
    expect(result.stdout).toBe('');
    // Dawn may print the Vulkan loader's own warnings first; the CLI's says what to do, in one line.
    const ours = stderrLines(result).filter((l) => l.startsWith('backprop-studio'));
    expect(ours).toHaveLength(1);
    expect(ours[0]).toMatch(/^backprop-studio trace: --backend webgpu: .*VK_ICD_FILENAMES.*vk_swiftshader_icd\.json/);
  });
});
