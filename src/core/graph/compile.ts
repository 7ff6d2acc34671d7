import type { AnyNodeKind, ParamSpec } from '../layers/kind';
import { ShapeError } from '../layers/kind';
import { findKind } from '../layers/registry';
import type { Shape } from '../tensor/shape';
import type { Issue } from './issues';
import type { ModelJson } from './model';
import { sampleBatch } from './sample';
import { topologicalOrder } from './topo';

/** One node of a compiled plan: what it is, where its inputs come from, what it produces. */
export interface PlanNode {
  id: string;
  kind: AnyNodeKind;
  config: unknown;
  /** Ids of the nodes feeding this one, in edge order. */
  inputs: string[];
  /** Ids of the nodes reading this one's output. */
  consumers: string[];
  /** Unknown when this node or one before it has an error. */
  outputShape?: Shape;
  paramSpecs: Record<string, ParamSpec>;
}

export interface Plan {
  /** Nodes in topological order: a forward pass runs them first to last. */
  nodes: PlanNode[];
  byId: Map<string, PlanNode>;
  inputIds: string[];
  lossIds: string[];
  batch: number;
}

export interface CompileResult {
  plan: Plan;
  issues: Issue[];
}

/**
 * Orders the graph, checks its structure and infers every node's output shape. Problems are
 * attached to the node they concern and compiling carries on, so one bad node never hides the
 * rest of the graph: nodes after an error simply have no shape.
 */
export function compile(model: ModelJson, options: { batch?: number } = {}): CompileResult {
  const issues: Issue[] = [];
  const batch = options.batch ?? sampleBatch(model) ?? 1;
  const inputsOf = new Map<string, string[]>();
  const consumersOf = new Map<string, string[]>();
  const known = new Set<string>();

  model.nodes.forEach((node, i) => {
    if (known.has(node.id))
      issues.push({ message: `duplicate node id '${node.id}'`, path: `$.nodes[${i}].id`, nodeId: node.id });
    known.add(node.id);
    inputsOf.set(node.id, []);
    consumersOf.set(node.id, []);
  });
  model.edges.forEach((edge, i) => {
    let ok = true;
    for (const end of ['from', 'to'] as const) {
      if (!known.has(edge[end])) {
        issues.push({ message: `edge ${end} '${edge[end]}': no node has this id`, path: `$.edges[${i}].${end}` });
        ok = false;
      }
    }
    if (!ok) return;
    if (edge.from === edge.to) {
      issues.push({ message: `edge connects node '${edge.from}' to itself`, path: `$.edges[${i}]`, nodeId: edge.from });
      return;
    }
    if (inputsOf.get(edge.to)?.includes(edge.from)) {
      issues.push({
        message: `duplicate edge from '${edge.from}' to '${edge.to}'`,
        path: `$.edges[${i}]`,
        nodeId: edge.to,
      });
      return;
    }
    inputsOf.get(edge.to)?.push(edge.from);
    consumersOf.get(edge.from)?.push(edge.to);
  });

  const { order, cyclic } = topologicalOrder(
    model.nodes.map((n) => n.id),
    inputsOf,
    consumersOf,
  );
  for (const cycle of cyclic) {
    issues.push({ message: `node is part of a cycle: ${cycle.join(' -> ')}`, nodeId: cycle[0] });
  }

  const nodeById = new Map(model.nodes.map((n) => [n.id, n]));
  const plan: Plan = { nodes: [], byId: new Map(), inputIds: [], lossIds: [], batch };
  for (const id of order) {
    const node = nodeById.get(id);
    if (!node) continue;
    const kind = findKind(node.type);
    if (!kind) {
      issues.push({ message: `unknown node type '${node.type}'`, nodeId: id });
      continue;
    }
    const planNode: PlanNode = {
      id,
      kind,
      config: node.config,
      inputs: inputsOf.get(id) ?? [],
      consumers: consumersOf.get(id) ?? [],
      paramSpecs: {},
    };
    plan.nodes.push(planNode);
    plan.byId.set(id, planNode);
    if (kind.category === 'input') plan.inputIds.push(id);
    if (kind.category === 'loss') plan.lossIds.push(id);
    inferShape(planNode, plan, issues);
  }
  if (model.nodes.length > 0 && plan.inputIds.length === 0) issues.push({ message: 'the model has no input node' });
  if (plan.inputIds.length > 1) {
    for (const id of plan.inputIds.slice(1))
      issues.push({ message: 'a model has one input node in this version', nodeId: id });
  }
  return { plan, issues };
}

function inferShape(node: PlanNode, plan: Plan, issues: Issue[]): void {
  const { kind } = node;
  const { min, max } = kind.arity;
  const n = node.inputs.length;
  if (n < min || n > max) {
    const wants = min === max ? `${min}` : `${min} to ${max}`;
    const from = n ? ` (from ${node.inputs.map((i) => `'${i}'`).join(', ')})` : '';
    issues.push({
      message: `${kind.label} takes ${wants} input${max === 1 ? '' : 's'} but has ${n}${from}`,
      nodeId: node.id,
    });
    return;
  }
  const inputShapes: Shape[] = [];
  for (const id of node.inputs) {
    const shape = plan.byId.get(id)?.outputShape;
    if (!shape) return;
    inputShapes.push(shape);
  }
  try {
    node.outputShape = kind.outputShape(node.config, inputShapes, { batch: plan.batch });
    node.paramSpecs = kind.paramSpecs(node.config, inputShapes);
  } catch (e) {
    if (!(e instanceof ShapeError)) throw e;
    issues.push({ message: e.message, nodeId: node.id });
  }
}
