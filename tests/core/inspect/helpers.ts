import { readFileSync } from 'node:fs';
import { createCpuBackend, type DType, loadModelText, type ModelJson, Network, type Plan } from '../../../src/core';

export const backend = createCpuBackend();

export function readExample(name: string): { model: ModelJson; plan: Plan } {
  const text = readFileSync(new URL(`../../../resources/examples/${name}`, import.meta.url), 'utf8');
  const { model, plan, issues } = loadModelText(text);
  if (!model || !plan || issues.length) throw new Error(`${name}: ${issues.map((i) => i.message).join('; ')}`);
  return { model, plan };
}

export function exampleNetwork(name: string, dtype: DType = 'float32'): Network {
  return Network.fromModel(readExample(name).model, { backend, dtype });
}

type Layer = { id: string; type: string; config?: Record<string, unknown>; W?: number[][]; b?: number[] };

/** A chain input -> ... -> loss with the given weights stored, and a sample. */
export function chainModel(
  inputWidth: number,
  layers: Layer[],
  sample: { input: number[][]; target: number[][] },
): ModelJson {
  const nodes: ModelJson['nodes'] = [{ id: 'x', type: 'input', config: { shape: [inputWidth] } }];
  for (const l of layers) {
    const node: ModelJson['nodes'][number] = { id: l.id, type: l.type, config: l.config ?? {} };
    if (l.W) {
      const b = l.b ?? l.W[0].map(() => 0);
      node.params = { W: { shape: [l.W.length, l.W[0].length], data: l.W.flat() }, b: { shape: [b.length], data: b } };
    }
    nodes.push(node);
  }
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i].id, to: n.id }));
  return { format: 'backprop-studio.model', version: 1, nodes, edges, sample };
}
