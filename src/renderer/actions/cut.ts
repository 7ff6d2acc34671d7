import { emptySelection } from '../stores/graph-store';
import { clipboardOf, hasSelectedNodes } from './copy';
import { removeElements } from './model-edits';
import { defineAction } from './types';

export const cutAction = defineAction<void, number>({
  label: 'Cut',
  shortcut: 'Mod+X',
  enabled: hasSelectedNodes,
  perform(state) {
    const clipboard = clipboardOf(state);
    const { nodeIds, edgeIds } = state.selection;
    return {
      ok: true,
      value: clipboard.nodes.length,
      patch: { clipboard },
      edit: { model: removeElements(state.model, nodeIds, edgeIds), selection: emptySelection },
    };
  },
});
