import { checkModelGradients, type GradCheckEntry, gradCheckDefaults } from '../../core';
import { nonNegativeNumber, type ParsedArgs, positiveInteger, positiveNumber, stringFlag } from '../args';
import { EXIT_FAILED, EXIT_OK, UsageError } from '../errors';
import { withEngineErrors } from '../model-file';
import { sampleOptions, sampleOptionsHelp } from '../options';
import { openNetwork } from '../run-model';
import { formatNumber, formatTable } from '../table';
import type { Print } from './index';

const {
  epsilon: defaultEpsilon,
  tolerance: defaultTolerance,
  maxElements: defaultMaxElements,
  absoluteTolerance,
} = gradCheckDefaults;

export const usage = `Usage: backprop-studio gradcheck <model.json> [--epsilon X] [--tolerance X] [--max-elements N] [--json]

Checks backpropagation: for the model input and every parameter the optimizer trains, compares
the gradient of the total loss from one backward pass (analytic) with central differences of the
loss, (L(x + epsilon) - L(x - epsilon)) / (2 epsilon), one element at a time. Runs in float64, in
training mode, on the model's sample (or on --input and --target). An element passes when its
relative error |a - n| / max(|a|, |n|) is at most the tolerance, or its absolute error is at
most ${absoluteTolerance}; a tensor passes when all its checked elements do.

Exit status: 0 when every tensor passes, 1 when any fails, 2 for user errors.

Options:
  --epsilon X         step of the central difference (default ${defaultEpsilon})
  --tolerance X       largest relative error that passes, 0 or above (default ${defaultTolerance})
  --max-elements N    elements checked per tensor at most; larger tensors are sampled (default ${defaultMaxElements})
${sampleOptionsHelp}
  --seed N            seed for initialising parameters the model does not store and for choosing
                      the elements of large tensors (default 0)
  --backend B         auto (default) or cpu: the check needs float64, which WebGPU does not have,
                      so it always runs on the CPU; --backend webgpu is refused (exit status 2)
  --json              print { passed, epsilon, tolerance, entries: [{ node, tensor, checked, total,
                      maxAbsError, maxRelError, passed }] }
  -h, --help          show this help

Example:
  backprop-studio gradcheck resources/examples/xor-mlp.json`;

export const options = {
  ...sampleOptions,
  epsilon: { type: 'string' },
  tolerance: { type: 'string' },
  'max-elements': { type: 'string' },
} as const;

export interface GradCheckRow {
  node: string;
  /** 'input' for the model input, else the parameter name. */
  tensor: string;
  checked: number;
  total: number;
  maxAbsError: number;
  maxRelError: number;
  passed: boolean;
}

export async function run(parsed: ParsedArgs, print: Print): Promise<number> {
  const flag = (name: string) => stringFlag(parsed, name);
  if (flag('backend') === 'webgpu')
    throw new UsageError(
      'runs in float64, which WebGPU does not have: drop --backend webgpu (it runs on the CPU)',
      'gradcheck',
    );
  const epsilonText = flag('epsilon');
  const epsilon = epsilonText === undefined ? defaultEpsilon : positiveNumber('gradcheck', 'epsilon', epsilonText);
  const toleranceText = flag('tolerance');
  const tolerance =
    toleranceText === undefined ? defaultTolerance : nonNegativeNumber('gradcheck', 'tolerance', toleranceText);
  const maxText = flag('max-elements');
  const maxElements =
    maxText === undefined ? defaultMaxElements : positiveInteger('gradcheck', 'max-elements', maxText);
  const { loaded, net, seed } = await openNetwork('gradcheck', parsed, { loss: true, dtype: 'float64' });
  const ctx = net.context();
  const entries = withEngineErrors(loaded.file, () =>
    checkModelGradients(net, ctx, { epsilon, tolerance, absoluteTolerance, maxElements, seed }),
  );
  const sizeOf = (e: GradCheckEntry) =>
    e.name === 'input' && e.nodeId === net.plan.inputIds[0]
      ? (ctx.input?.size ?? 0)
      : (net.params.get(e.nodeId)?.[e.name]?.size ?? 0);
  const rows: GradCheckRow[] = entries.map((e) => ({
    node: e.nodeId,
    tensor: e.name,
    checked: e.indices.length,
    total: sizeOf(e),
    maxAbsError: e.maxAbsError,
    maxRelError: e.maxRelError,
    passed: e.passed,
  }));
  const passed = rows.every((r) => r.passed);
  if (parsed.values.json) {
    print(`${JSON.stringify({ passed, epsilon, tolerance, entries: rows })}\n`);
  } else {
    print(
      report(
        loaded.file,
        `batch ${loaded.plan.batch}, ${net.backend.description}`,
        { epsilon, tolerance },
        rows,
        passed,
      ),
    );
  }
  return passed ? EXIT_OK : EXIT_FAILED;
}

function report(
  file: string,
  /** "batch 1, CPU (JavaScript)". */
  where: string,
  o: { epsilon: number; tolerance: number },
  rows: GradCheckRow[],
  passed: boolean,
): string {
  const heading =
    `${file}: gradient check in float64, ${where}\n` +
    `epsilon ${formatNumber(o.epsilon)}, tolerance ${formatNumber(o.tolerance)} relative ` +
    `(absolute errors up to ${formatNumber(absoluteTolerance)} pass)\n\n`;
  const table = formatTable(
    [
      { header: 'node' },
      { header: 'tensor' },
      { header: 'checked', align: 'right' },
      { header: 'max abs error', align: 'right' },
      { header: 'max rel error', align: 'right' },
      { header: 'result' },
    ],
    rows.map((r) => [
      r.node,
      r.tensor,
      `${r.checked} / ${r.total}`,
      formatNumber(r.maxAbsError),
      formatNumber(r.maxRelError),
      r.passed ? 'PASS' : 'FAIL',
    ]),
  );
  const n = rows.length;
  const failed = rows.filter((r) => !r.passed);
  const closing = passed
    ? `PASS: all ${n} tensor${n === 1 ? '' : 's'} match`
    : `FAIL: ${failed.length} of ${n} tensor${n === 1 ? '' : 's'} exceed the tolerance: ${failed.map((r) => `${r.node}.${r.tensor}`).join(', ')}`;
  return `${heading}${table}\n${closing}\n`;
}
