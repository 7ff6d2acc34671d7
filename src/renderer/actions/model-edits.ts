import type { EdgeJson, ModelJson, NodeJson } from '../../core/graph/model';
import { sameShape } from '../../core/tensor/shape';
import { compiledFor } from '../stores/compiled-graph';
import { edgeId } from '../stores/graph-store';

/** The first free id of the form `<type>_<n>`, as people number layers by hand. */
export function uniqueNodeId(type: string, taken: ReadonlySet<string>): string {
  const stem = /^[A-Za-z_]/.test(type) ? type : `n_${type}`;
  for (let n = 1; ; n++) {
    const id = `${stem}_${n}`;
    if (!taken.has(id)) return id;
  }
}

export function nodeIdsOf(model: ModelJson): Set<string> {
  return new Set(model.nodes.map((n) => n.id));
}

export function findNode(model: ModelJson, id: string): NodeJson | undefined {
  return model.nodes.find((n) => n.id === id);
}

export function replaceNode(model: ModelJson, id: string, change: (node: NodeJson) => NodeJson): ModelJson {
  return { ...model, nodes: model.nodes.map((n) => (n.id === id ? change(n) : n)) };
}

/** The model without these nodes, the edges touching them, and these edges. */
export function removeElements(model: ModelJson, nodeIds: readonly string[], edgeIds: readonly string[]): ModelJson {
  const goneNodes = new Set(nodeIds);
  const goneEdges = new Set(edgeIds);
  return {
    ...model,
    nodes: model.nodes.filter((n) => !goneNodes.has(n.id)),
    edges: model.edges.filter((e) => !goneNodes.has(e.from) && !goneNodes.has(e.to) && !goneEdges.has(edgeId(e))),
  };
}

/** Edges whose two ends are both among these nodes. */
export function internalEdges(edges: readonly EdgeJson[], nodeIds: ReadonlySet<string>): EdgeJson[] {
  return edges.filter((e) => nodeIds.has(e.from) && nodeIds.has(e.to));
}

/** A path of node ids from `from` to `to` along edge directions, or undefined when there is none. */
export function pathBetween(model: ModelJson, from: string, to: string): string[] | undefined {
  const consumers = new Map<string, string[]>();
  for (const e of model.edges) consumers.set(e.from, [...(consumers.get(e.from) ?? []), e.to]);
  const cameFrom = new Map<string, string>();
  const queue = [from];
  const seen = new Set([from]);
  while (queue.length) {
    const at = queue.shift() as string;
    if (at === to) {
      const path = [to];
      for (let step = to; step !== from; ) {
        step = cameFrom.get(step) as string;
        path.unshift(step);
      }
      return path;
    }
    for (const next of consumers.get(at) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      cameFrom.set(next, at);
      queue.push(next);
    }
  }
  return undefined;
}

/**
 * Drops stored parameters that no longer fit their node (units changed, a wider input wired in).
 * The engine would initialise them afresh anyway; keeping them would only mark the node as broken.
 * Nodes whose shapes are unknown keep theirs: a temporarily disconnected layer keeps its weights.
 */
export function dropStaleParams(model: ModelJson): ModelJson {
  const { plan } = compiledFor(model);
  if (!plan) return model;
  let changed = false;
  const nodes = model.nodes.map((node) => {
    const planNode = plan.byId.get(node.id);
    if (!node.params || !planNode?.outputShape) return node;
    const kept = Object.entries(node.params).filter(([name, value]) => {
      const spec = planNode.paramSpecs[name];
      return spec !== undefined && sameShape(spec.shape, value.shape);
    });
    if (kept.length === Object.keys(node.params).length) return node;
    changed = true;
    const { params: _dropped, ...rest } = node;
    return kept.length ? { ...rest, params: Object.fromEntries(kept) } : rest;
  });
  return changed ? { ...model, nodes } : model;
}
