import type { ModelJson, NodeJson } from '../../core/graph/model';

/**
 * Whether two versions of the document compute the same thing: only positions, names or the
 * description differ. Edits copy what they change and share the rest, so comparing the parts
 * that matter by reference is enough (configs, being small, by value).
 */
export function sameComputation(a: ModelJson, b: ModelJson): boolean {
  if (a === b) return true;
  if (a.sample !== b.sample || a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  if (!a.edges.every((e, i) => e.from === b.edges[i].from && e.to === b.edges[i].to)) return false;
  return a.nodes.every((node, i) => sameNode(node, b.nodes[i]));
}

function sameNode(a: NodeJson, b: NodeJson): boolean {
  if (a === b) return true;
  return (
    a.id === b.id &&
    a.type === b.type &&
    a.params === b.params &&
    a.init === b.init &&
    a.trainable === b.trainable &&
    (a.config === b.config || JSON.stringify(a.config) === JSON.stringify(b.config))
  );
}
