import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type BackendChoice, BENCHMARKS, runBench } from './runner';

const USAGE = `npm run bench -- [--quick] [--backend cpu|webgpu|all] [--only ${BENCHMARKS.map((b) => b.name).join(',')}] [--json out.json]`;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    backend: { type: 'string', default: 'all' },
    only: { type: 'string' },
    json: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(USAGE);
  process.exit(0);
}
const backend = values.backend as BackendChoice;
if (!['cpu', 'webgpu', 'all'].includes(backend)) {
  console.error(`--backend must be cpu, webgpu or all, not '${values.backend}'\n${USAGE}`);
  process.exit(2);
}
// Vulkan loaders warn when XDG_RUNTIME_DIR is unset; a private folder silences them.
if (!process.env.XDG_RUNTIME_DIR) {
  const dir = join(tmpdir(), `backprop-studio-bench-${process.pid}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  process.env.XDG_RUNTIME_DIR = dir;
}

const report = await runBench({
  quick: values.quick,
  backend,
  only: values.only?.split(',').map((s) => s.trim()),
});
if (values.json) {
  writeFileSync(values.json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nresults written to ${values.json}`);
}
const failed = report.benchmarks.flatMap((b) => b.rows).filter((r) => r.error).length;
if (failed) console.error(`\n${failed} row(s) failed`);
// Dawn's threads would keep the process alive; everything is written by now.
process.exit(failed ? 1 : 0);
