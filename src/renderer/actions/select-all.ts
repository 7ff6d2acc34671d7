import { edgeId } from '../stores/graph-store';
import { defineAction } from './types';

export const selectAllAction = defineAction({
  label: 'Select all',
  shortcut: 'Mod+A',
  enabled: (state) => state.model.nodes.length > 0,
  perform(state) {
    const selection = { nodeIds: state.model.nodes.map((n) => n.id), edgeIds: state.model.edges.map(edgeId) };
    return { ok: true, value: undefined, patch: { selection } };
  },
});
