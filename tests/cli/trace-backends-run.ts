/**
 * Runs `trace --json` on each model file given, on the CPU and on WebGPU, through the trace
 * command's own code in this one process (one Node start and one GPU device for all of them,
 * instead of two CLI processes per model), and writes what each run printed, or how it failed,
 * as JSON to the file named first. Spawned by trace-backends.test.ts with SwiftShader's Vulkan
 * driver in the environment.
 *
 *   node --import tsx tests/cli/trace-backends-run.ts OUT.json model.json...
 */
import { writeFileSync } from 'node:fs';
import { parseCommandArgs } from '../../src/cli/args';
import { closeBackends } from '../../src/cli/backend-flag';
import * as traceCommand from '../../src/cli/commands/trace';
import { describeFailure } from '../../src/cli/errors';

export interface TraceRun {
  /** The exit status the CLI would have returned. */
  status: number;
  /** stdout: the trace JSON when status is 0. */
  stdout: string;
  /** What the CLI would have written to stderr. */
  stderr: string[];
  seconds: number;
}

export interface BackendRuns {
  file: string;
  cpu: TraceRun;
  webgpu: TraceRun;
}

async function trace(file: string, backend: string): Promise<TraceRun> {
  const started = performance.now();
  let stdout = '';
  try {
    const parsed = parseCommandArgs('trace', [file, '--json', '--backend', backend], traceCommand.options);
    await traceCommand.run(parsed, (text) => {
      stdout += text;
    });
    return { status: 0, stdout, stderr: [], seconds: (performance.now() - started) / 1000 };
  } catch (e) {
    const { status, lines } = describeFailure(e, true);
    return { status, stdout, stderr: lines, seconds: (performance.now() - started) / 1000 };
  }
}

const [out, ...files] = process.argv.slice(2);
const runs: BackendRuns[] = [];
// The runs share one GPU device, as the CLI's runs would share it in one process; its kernels compile once.
for (const file of files) runs.push({ file, cpu: await trace(file, 'cpu'), webgpu: await trace(file, 'webgpu') });
closeBackends();
writeFileSync(out, JSON.stringify(runs));
