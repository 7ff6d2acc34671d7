import { emptySelection, hasSelection } from '../stores/graph-store';
import { removeElements } from './model-edits';
import { defineAction } from './types';

/** Deletes the selected nodes with every edge touching them, and the selected edges. */
export const deleteSelectionAction = defineAction({
  label: 'Delete',
  shortcut: 'Delete',
  aliases: ['Backspace'],
  enabled: hasSelection,
  perform(state) {
    const { nodeIds, edgeIds } = state.selection;
    return {
      ok: true,
      value: undefined,
      edit: { model: removeElements(state.model, nodeIds, edgeIds), selection: emptySelection },
    };
  },
});
