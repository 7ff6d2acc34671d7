import type { Selection } from '../stores/graph-store';
import { always, defineAction } from './types';

export interface SelectionChange {
  id: string;
  selected: boolean;
}

export interface SelectArgs {
  /** Replaces the selection. */
  set?: Selection;
  /** Applied to the current selection, as the canvas reports clicks and box selections. */
  nodes?: SelectionChange[];
  edges?: SelectionChange[];
}

function applyChanges(ids: string[], changes: SelectionChange[] | undefined): string[] {
  if (!changes?.length) return ids;
  const out = new Set(ids);
  for (const c of changes) {
    if (c.selected) out.add(c.id);
    else out.delete(c.id);
  }
  return [...out];
}

function sameIds(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}

/** Selection is not part of the document: it changes without an undo entry. */
export const selectAction = defineAction<SelectArgs, void>({
  label: 'Select',
  enabled: always,
  perform(state, args) {
    const base = args.set ?? state.selection;
    const nodeIds = applyChanges(base.nodeIds, args.nodes);
    const edgeIds = applyChanges(base.edgeIds, args.edges);
    const { selection } = state;
    if (sameIds(nodeIds, selection.nodeIds) && sameIds(edgeIds, selection.edgeIds))
      return { ok: true, value: undefined };
    return { ok: true, value: undefined, patch: { selection: { nodeIds, edgeIds } } };
  },
});
