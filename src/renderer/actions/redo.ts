import { defineAction } from './types';

export const redoAction = defineAction({
  label: 'Redo',
  shortcut: 'Shift+Mod+Z',
  aliases: ['Mod+Y'],
  enabled: (state) => state.future.length > 0,
  perform(state) {
    const entry = state.future[state.future.length - 1];
    if (!entry) return { ok: true, value: undefined };
    return {
      ok: true,
      value: undefined,
      patch: {
        model: entry.model,
        selection: entry.selection,
        future: state.future.slice(0, -1),
        past: [...state.past, { model: state.model, selection: state.selection, label: entry.label }],
      },
    };
  },
});
