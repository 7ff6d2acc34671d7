import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand, MenuCommandId } from '../protocol/menu-commands';
import type { ExampleEntry } from './examples';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  examples: readonly ExampleEntry[];
  /** Developer tools in the View menu: in development only. */
  developerTools: boolean;
  /** Sends a command to the focused page, which runs it. */
  send(command: MenuCommand): void;
  openFormatDocs(): void;
}

type Item = MenuItemConstructorOptions;

/** A menu entry the page runs. The page handles the keys itself, so the menu only shows them. */
function command(options: MenuOptions, id: MenuCommandId, label: string, accelerator?: string): Item {
  const item: Item = { label, click: () => options.send({ type: 'command', id }) };
  return accelerator ? { ...item, accelerator, registerAccelerator: false } : item;
}

function fileMenu(options: MenuOptions): Item {
  const listed: Item[] = options.examples.length
    ? options.examples.map((example) => ({
        label: example.title,
        click: () => options.send({ type: 'open-example', fileName: example.fileName }),
      }))
    : [{ label: 'No examples found', enabled: false }];
  const openExample: Item = {
    label: 'Open Example',
    submenu: [...listed, { type: 'separator' }, command(options, 'show-examples', 'Browse Examples…')],
  };
  return {
    label: 'File',
    submenu: [
      command(options, 'new-model', 'New', 'CmdOrCtrl+N'),
      command(options, 'load-model', 'Open…', 'CmdOrCtrl+O'),
      openExample,
      { type: 'separator' },
      command(options, 'save-model', 'Save', 'CmdOrCtrl+S'),
      command(options, 'save-as', 'Save As…', 'Shift+CmdOrCtrl+S'),
      command(options, 'export-json', 'Export JSON…', 'Shift+CmdOrCtrl+E'),
      { type: 'separator' },
      options.isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };
}

function editMenu(options: MenuOptions): Item {
  return {
    label: 'Edit',
    submenu: [
      command(options, 'undo', 'Undo', 'CmdOrCtrl+Z'),
      command(options, 'redo', 'Redo', 'Shift+CmdOrCtrl+Z'),
      { type: 'separator' },
      command(options, 'cut', 'Cut', 'CmdOrCtrl+X'),
      command(options, 'copy', 'Copy', 'CmdOrCtrl+C'),
      command(options, 'paste', 'Paste', 'CmdOrCtrl+V'),
      command(options, 'delete-selection', 'Delete', 'Delete'),
      { type: 'separator' },
      command(options, 'select-all', 'Select All', 'CmdOrCtrl+A'),
      // macOS keeps Preferences in the application menu.
      ...(options.isMac
        ? []
        : [{ type: 'separator' } as const, command(options, 'show-preferences', 'Preferences…', 'CmdOrCtrl+,')]),
    ],
  };
}

function viewMenu(options: MenuOptions): Item {
  const developer: Item[] = options.developerTools ? [{ type: 'separator' }, { role: 'toggleDevTools' }] : [];
  return {
    label: 'View',
    submenu: [
      command(options, 'zoom-in', 'Zoom In', 'CmdOrCtrl+='),
      command(options, 'zoom-out', 'Zoom Out', 'CmdOrCtrl+-'),
      command(options, 'zoom-reset', 'Actual Size', 'CmdOrCtrl+0'),
      command(options, 'fit-view', 'Fit Graph in Window', 'Shift+CmdOrCtrl+F'),
      { type: 'separator' },
      command(options, 'toggle-palette', 'Show or Hide Palette', 'CmdOrCtrl+B'),
      command(options, 'toggle-inspector', 'Show or Hide Inspector', 'CmdOrCtrl+I'),
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...developer,
    ],
  };
}

function helpMenu(options: MenuOptions): Item {
  const about: Item[] = options.isMac ? [] : [{ role: 'about', label: `About ${options.appName}` }];
  return {
    role: 'help',
    submenu: [...about, { label: 'Model Format Reference', click: () => options.openFormatDocs() }],
  };
}

/** The application menu. Commands that touch the model are sent to the page, which owns them. */
export function buildMenuTemplate(options: MenuOptions): Item[] {
  const app: Item[] = options.isMac
    ? [
        {
          label: options.appName,
          submenu: [
            { role: 'about' },
            { type: 'separator' },
            command(options, 'show-preferences', 'Preferences…', 'CmdOrCtrl+,'),
            { type: 'separator' },
            { role: 'hide' },
            { role: 'unhide' },
            { role: 'quit' },
          ],
        },
      ]
    : [];
  return [...app, fileMenu(options), editMenu(options), viewMenu(options), helpMenu(options)];
}
