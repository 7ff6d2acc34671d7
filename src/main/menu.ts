import type { MenuItemConstructorOptions } from 'electron';
import type { ExampleEntry } from './examples';

export interface MenuOptions {
  appName: string;
  isMac: boolean;
  examples: readonly ExampleEntry[];
  openExample(fileName: string): void;
}

/** The application menu. Commands that change the model are sent to the page, which owns them. */
export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const openExample: MenuItemConstructorOptions = {
    label: 'Open Example',
    submenu: options.examples.length
      ? options.examples.map((example) => ({
          label: example.title,
          click: () => options.openExample(example.fileName),
        }))
      : [{ label: 'No examples found', enabled: false }],
  };
  const file: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [openExample, { type: 'separator' }, options.isMac ? { role: 'close' } : { role: 'quit' }],
  };
  const view: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      { role: 'reload' },
      { role: 'forceReload' },
      { role: 'toggleDevTools' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    submenu: [{ label: `About ${options.appName}`, role: 'about' }],
  };
  const app: MenuItemConstructorOptions[] = options.isMac
    ? [
        {
          label: options.appName,
          submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'unhide' }, { role: 'quit' }],
        },
      ]
    : [];
  return [...app, file, { role: 'editMenu' }, view, help];
}
