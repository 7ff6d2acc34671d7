import type { GraphState } from '../stores/graph-store';
import { always } from './types';

/** A command the editor runs around the actions: files, dialogs, the view, the panels. */
export interface HostCommandSpec {
  label: string;
  shortcut?: string;
  aliases?: string[];
  enabled(state: GraphState): boolean;
}

/** Labels and keys of the commands that are not document actions; runCommand carries them out. */
export const hostCommands = {
  'load-model': { label: 'Open…', shortcut: 'Mod+O', enabled: always },
  'save-as': { label: 'Save as…', shortcut: 'Shift+Mod+S', enabled: always },
  'export-json': { label: 'Export JSON…', shortcut: 'Shift+Mod+E', enabled: always },
  'show-examples': { label: 'Examples…', enabled: always },
  'show-preferences': { label: 'Preferences…', shortcut: 'Mod+,', enabled: always },
  'zoom-in': { label: 'Zoom in', shortcut: 'Mod+=', enabled: always },
  'zoom-out': { label: 'Zoom out', shortcut: 'Mod+-', enabled: always },
  'zoom-reset': { label: 'Actual size', shortcut: 'Mod+0', enabled: always },
  'fit-view': { label: 'Fit graph in view', shortcut: 'Shift+Mod+F', enabled: always },
  'toggle-palette': { label: 'Show or hide the palette', shortcut: 'Mod+B', enabled: always },
  'toggle-inspector': { label: 'Show or hide the inspector', shortcut: 'Mod+I', enabled: always },
} satisfies Record<string, HostCommandSpec>;

export type HostCommandId = keyof typeof hostCommands;
