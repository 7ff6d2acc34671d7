import type { ModelJson } from '../../core/graph/model';
import type { Formula, NodeCategory } from '../../core/layers/kind';
import { findKind } from '../../core/layers/registry';
import type { CompiledGraph } from '../stores/compiled-graph';
import { type Notation, notationFor } from './notation';

/** What the value views need to know about the node they show. */
export interface NodeContext {
  nodeId: string;
  category: NodeCategory;
  notation: Notation;
  formula: Formula | null;
  /** Each input's producer, as "h_act (hidden out)". */
  inputs: string[];
  /** The nodes that read this one's output: its upstream gradient comes from them. */
  consumers: string[];
  digits: number;
  /** Where the node comes in plan order, from 1, and how many nodes a pass runs. */
  position: number;
  planLength: number;
}

function labelOf(model: ModelJson, id: string): string {
  const name = model.nodes.find((n) => n.id === id)?.name;
  return name ? `${id} (${name})` : id;
}

export function nodeContext(model: ModelJson, compiled: CompiledGraph, nodeId: string, digits: number): NodeContext {
  const node = model.nodes.find((n) => n.id === nodeId);
  const kind = node ? findKind(node.type) : undefined;
  const category = kind?.category ?? 'layer';
  let formula: Formula | null = null;
  try {
    formula = kind && node ? kind.formula(node.config) : null;
  } catch {
    // A node loaded with issues may hold a config its kind's formula does not expect.
  }
  const plan = compiled.plan;
  const planNode = plan?.byId.get(nodeId);
  return {
    nodeId,
    category,
    notation: notationFor(category),
    formula,
    inputs: (planNode?.inputs ?? []).map((id) => labelOf(model, id)),
    consumers: (plan?.nodes ?? []).filter((n) => n.inputs.includes(nodeId)).map((n) => labelOf(model, n.id)),
    digits,
    position: plan ? plan.nodes.findIndex((n) => n.id === nodeId) + 1 : 0,
    planLength: plan?.nodes.length ?? 0,
  };
}
