import { defineAction } from './types';

export const undoAction = defineAction({
  label: 'Undo',
  shortcut: 'Mod+Z',
  enabled: (state) => state.past.length > 0,
  perform(state) {
    const entry = state.past[state.past.length - 1];
    if (!entry) return { ok: true, value: undefined };
    return {
      ok: true,
      value: undefined,
      patch: {
        model: entry.model,
        selection: entry.selection,
        past: state.past.slice(0, -1),
        future: [...state.future, { model: state.model, selection: state.selection, label: entry.label }],
      },
    };
  },
});
