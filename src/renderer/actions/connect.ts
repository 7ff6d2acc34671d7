import { findKind } from '../../core/layers/registry';
import { edgeId } from '../stores/graph-store';
import { dropStaleParams, findNode, pathBetween } from './model-edits';
import { always, defineAction, refuse } from './types';

export interface ConnectArgs {
  from: string;
  to: string;
}

function nameOf(id: string, name: string | undefined): string {
  return name ? `'${name}'` : `'${id}'`;
}

/**
 * Adds an edge from one node's output to another's input. Refuses, with a reason the canvas
 * shows, what could never compile: a self loop, a cycle, an input the target kind has no room for.
 */
export const connectAction = defineAction<ConnectArgs, string>({
  label: 'Connect',
  enabled: always,
  perform(state, { from, to }) {
    const { model } = state;
    const source = findNode(model, from);
    const target = findNode(model, to);
    if (!source || !target) return refuse(`No node has the id '${source ? to : from}'.`);
    const sourceName = nameOf(from, source.name);
    const targetName = nameOf(to, target.name);
    if (from === to) return refuse(`A node cannot feed itself: ${sourceName} would be its own input.`);
    if (model.edges.some((e) => e.from === from && e.to === to)) {
      return refuse(`${sourceName} already feeds ${targetName}.`);
    }
    const kind = findKind(target.type);
    const max = kind?.arity.max ?? 1;
    const label = kind?.label ?? target.type;
    const existing = model.edges.filter((e) => e.to === to);
    if (max === 0) return refuse(`${label} nodes take no inputs: data enters the network here.`);
    const loop = pathBetween(model, to, from);
    if (loop) {
      return refuse(`That edge would close a cycle: ${[...loop, to].map((id) => `'${id}'`).join(' → ')}.`);
    }
    if (existing.length >= max) {
      const feeders = existing.map((e) => `'${e.from}'`).join(', ');
      const takes = max === 1 ? 'takes one input' : `takes at most ${max} inputs`;
      return refuse(`${label} ${takes} and ${targetName} already has ${feeders}. Delete that edge first.`);
    }
    const edge = { from, to };
    const next = dropStaleParams({ ...model, edges: [...model.edges, edge] });
    return { ok: true, value: edgeId(edge), edit: { model: next } };
  },
});
