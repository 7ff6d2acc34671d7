import type { ParsedArgs } from '../args';
import { withEngineErrorsAsync } from '../model-file';
import { runOptions, runOptionsHelp } from '../options';
import { backendJson, openNetwork } from '../run-model';
import { formatNumber, formatTable, formatValues } from '../table';
import type { Print } from './index';

export const usage = `Usage: backprop-studio trace <model.json> [--input JSON] [--target JSON] [--dtype float64] [--backend B] [--json]

Runs one forward pass and one backward pass on the model's sample (or on --input and --target)
and shows every node's output, dLoss/d(output), and each parameter with its gradient.

Options:
${runOptionsHelp}
  --json              print { loss, nodes: { <id>: { type, output, grad, params } }, backend:
                      { name, description } }, values nested in each tensor's shape; grad is
                      dLoss/d(output)
  -h, --help          show this help

Examples:
  backprop-studio trace resources/examples/backprop-2-2-2.json --dtype float64
  backprop-studio trace resources/examples/conv-5x5.json --backend webgpu`;

export const options = runOptions;

export async function run(parsed: ParsedArgs, print: Print): Promise<void> {
  const { loaded, net, dtype, backend } = await openNetwork('trace', parsed, { loss: false });
  const trace = await withEngineErrorsAsync(loaded.file, () => net.trace(net.context()));
  if (parsed.values.json) {
    print(`${JSON.stringify({ ...trace, backend: backendJson(backend) })}\n`);
    return;
  }
  const nodes = Object.entries(trace.nodes);
  const nodeTable = formatTable(
    [{ header: 'node' }, { header: 'type' }, { header: 'output' }, { header: 'dLoss/d(output)' }],
    nodes.map(([id, n]) => [id, n.type, formatValues(n.output), formatValues(n.grad)]),
  );
  const paramRows = nodes.flatMap(([id, n]) =>
    Object.entries(n.params).map(([name, p]) => [`${id}.${name}`, formatValues(p.value), formatValues(p.grad)]),
  );
  const paramTable = paramRows.length
    ? `\n${formatTable([{ header: 'parameter' }, { header: 'value' }, { header: 'dLoss/d(parameter)' }], paramRows)}`
    : '';
  const loss = trace.loss === null ? 'no loss node' : `loss ${formatNumber(trace.loss)}`;
  print(
    `${loaded.file}: one forward and backward pass (${dtype}, batch ${loaded.plan.batch}, ${backend.description})\n${loss}\n\n`,
  );
  print(`${nodeTable}${paramTable}`);
}
