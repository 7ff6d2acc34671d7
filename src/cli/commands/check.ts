import { formatShape, sizeOf } from '../../core';
import type { ParsedArgs } from '../args';
import { takePositionals } from '../args';
import { readModelFile } from '../model-file';
import { commonOptions } from '../options';
import { formatTable } from '../table';
import type { Print } from './index';

export const usage = `Usage: backprop-studio check <model.json> [--json]

Validates a model file and shows each node's output shape and parameter count, and the total.
Shapes start with the batch axis, sized by the model's sample (1 without one).
Every problem is printed as one line naming the file, the line and the JSON path; exit status 2.

Options:
  --json              print { file, name, batch, nodes: [...], totalParams } instead of a table
  -h, --help          show this help

Example:
  backprop-studio check resources/examples/xor-mlp.json`;

export const options = commonOptions;

export interface NodeSummary {
  id: string;
  type: string;
  outputShape: number[];
  params: number;
  paramShapes: Record<string, number[]>;
}

export function run(parsed: ParsedArgs, print: Print): void {
  const [file] = takePositionals('check', parsed.positionals, ['<model.json>']);
  const { model, plan } = readModelFile(file);
  const nodes: NodeSummary[] = plan.nodes.map((node) => {
    const paramShapes = Object.fromEntries(Object.entries(node.paramSpecs).map(([name, s]) => [name, [...s.shape]]));
    return {
      id: node.id,
      type: node.kind.type,
      outputShape: [...(node.outputShape ?? [])],
      params: Object.values(paramShapes).reduce((n, shape) => n + sizeOf(shape), 0),
      paramShapes,
    };
  });
  const totalParams = nodes.reduce((n, node) => n + node.params, 0);
  if (parsed.values.json) {
    print(`${JSON.stringify({ file, name: model.name ?? null, batch: plan.batch, nodes, totalParams })}\n`);
    return;
  }
  const title = model.name ? `${file}: ${model.name}` : file;
  const batch = model.sample ? `batch ${plan.batch}, from the model's sample` : 'batch 1 (the model has no sample)';
  const rows = nodes.map((n) => [
    n.id,
    n.type,
    formatShape(n.outputShape),
    String(n.params),
    Object.entries(n.paramShapes)
      .map(([name, shape]) => `${name} ${formatShape(shape)}`)
      .join(', '),
  ]);
  const table = formatTable(
    [
      { header: 'node' },
      { header: 'type' },
      { header: 'output shape' },
      { header: 'params', align: 'right' },
      { header: 'parameter shapes' },
    ],
    rows,
    [['total', '', '', String(totalParams)]],
  );
  print(`${title}\n${batch}\n\n${table}`);
}
