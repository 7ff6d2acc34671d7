import { travel } from './history';
import { defineAction } from './types';

export const redoAction = defineAction({
  label: 'Redo',
  shortcut: 'Shift+Mod+Z',
  aliases: ['Mod+Y'],
  enabled: (state) => state.future.length > 0,
  perform: (state) => travel(state, 'future'),
});
