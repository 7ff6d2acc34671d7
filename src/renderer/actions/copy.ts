import type { Clipboard, GraphState } from '../stores/graph-store';
import { internalEdges } from './model-edits';
import { defineAction } from './types';

export function hasSelectedNodes(state: GraphState): boolean {
  return state.selection.nodeIds.length > 0;
}

/** The selected nodes with the edges between them; edges to the rest of the graph stay behind. */
export function clipboardOf(state: GraphState): Clipboard {
  const ids = new Set(state.selection.nodeIds);
  return {
    nodes: state.model.nodes.filter((n) => ids.has(n.id)),
    edges: internalEdges(state.model.edges, ids),
    pasteCount: 0,
  };
}

export const copyAction = defineAction<void, number>({
  label: 'Copy',
  shortcut: 'Mod+C',
  enabled: hasSelectedNodes,
  perform(state) {
    const clipboard = clipboardOf(state);
    return { ok: true, value: clipboard.nodes.length, patch: { clipboard } };
  },
});
