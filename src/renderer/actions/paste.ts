import type { NodeJson } from '../../core/graph/model';
import { edgeId } from '../stores/graph-store';
import { nodeIdsOf, uniqueNodeId } from './model-edits';
import { defineAction } from './types';

const PASTE_OFFSET = 40;

/** Pastes the clipboard with fresh ids, a step down and right of where it was copied; the value is the new ids. */
export const pasteAction = defineAction<void, string[]>({
  label: 'Paste',
  shortcut: 'Mod+V',
  enabled: (state) => (state.clipboard?.nodes.length ?? 0) > 0,
  perform(state) {
    const clipboard = state.clipboard;
    if (!clipboard) return { ok: true, value: [] };
    const taken = nodeIdsOf(state.model);
    const newIds = new Map<string, string>();
    const offset = PASTE_OFFSET * (clipboard.pasteCount + 1);
    const nodes: NodeJson[] = clipboard.nodes.map((node) => {
      const id = uniqueNodeId(node.type, taken);
      taken.add(id);
      newIds.set(node.id, id);
      const at = node.position ?? { x: 0, y: 0 };
      return { ...structuredClone(node), id, position: { x: at.x + offset, y: at.y + offset } };
    });
    const edges = clipboard.edges.map((e) => ({ from: newIds.get(e.from) ?? e.from, to: newIds.get(e.to) ?? e.to }));
    const ids = nodes.map((n) => n.id);
    return {
      ok: true,
      value: ids,
      patch: { clipboard: { ...clipboard, pasteCount: clipboard.pasteCount + 1 } },
      edit: {
        model: { ...state.model, nodes: [...state.model.nodes, ...nodes], edges: [...state.model.edges, ...edges] },
        selection: { nodeIds: ids, edgeIds: edges.map(edgeId) },
      },
    };
  },
});
