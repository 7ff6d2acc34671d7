/**
 * The commands the desktop menu sends to the page. The page runs each one through the same
 * entry point as its keys and buttons; main only names them.
 */
export const MENU_COMMAND_IDS = [
  'new-model',
  'load-model',
  'save-model',
  'save-as',
  'export-json',
  'show-examples',
  'show-preferences',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'delete-selection',
  'select-all',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'fit-view',
  'toggle-palette',
  'toggle-inspector',
] as const;

export type MenuCommandId = (typeof MENU_COMMAND_IDS)[number];

export type MenuCommand = { type: 'command'; id: MenuCommandId } | { type: 'open-example'; fileName: string };

/** Edit commands that act on a focused text field instead of the graph. */
export const TEXT_EDIT_COMMANDS = ['undo', 'redo', 'cut', 'copy', 'paste', 'delete', 'selectAll'] as const;

export type TextEditCommand = (typeof TEXT_EDIT_COMMANDS)[number];

export function isMenuCommandId(value: unknown): value is MenuCommandId {
  return typeof value === 'string' && (MENU_COMMAND_IDS as readonly string[]).includes(value);
}

export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const command = value as { type?: unknown; id?: unknown; fileName?: unknown };
  if (command.type === 'command') return isMenuCommandId(command.id);
  return command.type === 'open-example' && typeof command.fileName === 'string' && command.fileName.length < 256;
}

export function isTextEditCommand(value: unknown): value is TextEditCommand {
  return typeof value === 'string' && (TEXT_EDIT_COMMANDS as readonly string[]).includes(value);
}
