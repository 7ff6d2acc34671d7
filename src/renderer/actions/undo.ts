import { travel } from './history';
import { defineAction } from './types';

export const undoAction = defineAction({
  label: 'Undo',
  shortcut: 'Mod+Z',
  enabled: (state) => state.past.length > 0,
  perform: (state) => travel(state, 'past'),
});
