import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../src/main/menu';
import type { MenuCommand, MenuCommandId } from '../../src/protocol/menu-commands';
import { MENU_COMMAND_IDS } from '../../src/protocol/menu-commands';
import { type CommandId, commandSpec, commandsWithKeys } from '../../src/renderer/actions/commands';
import { clampWidth, PALETTE_WIDTH, parseLayout } from '../../src/renderer/stores/layout-store';

// A menu command the page did not know would be a compile error here.
const asCommands: readonly CommandId[] = MENU_COMMAND_IDS;

type Item = Electron.MenuItemConstructorOptions;

function flatten(items: Item[]): Item[] {
  return items.flatMap((item) => [item, ...flatten((item.submenu ?? []) as Item[])]);
}

function acceleratorOf(shortcut: string): string {
  return shortcut.replace('Mod', 'CmdOrCtrl');
}

describe('menu and keys', () => {
  it('every menu command is a page command, and the menu shows the key the page listens for', () => {
    expect(asCommands.length).toBe(MENU_COMMAND_IDS.length);
    const clicked: MenuCommand[] = [];
    const template = buildMenuTemplate({
      appName: 'Backprop Studio',
      isMac: false,
      examples: [],
      developerTools: false,
      send: (c) => clicked.push(c),
      openFormatDocs: () => {},
    });
    const items = flatten(template);
    const shown = new Map<MenuCommandId, string | undefined>();
    for (const item of items) {
      if (!item.click) continue;
      const before = clicked.length;
      (item.click as () => void)();
      const command = clicked[before];
      if (command?.type === 'command') shown.set(command.id, item.accelerator as string | undefined);
    }
    expect([...shown.keys()].sort()).toEqual([...MENU_COMMAND_IDS].sort());
    for (const [id, accelerator] of shown) {
      const shortcut = commandSpec(id).shortcut;
      expect(accelerator, id).toBe(shortcut ? acceleratorOf(shortcut) : undefined);
    }
  });

  it('no two commands share a key', () => {
    const keys = commandsWithKeys().flatMap(([, spec]) => [spec.shortcut, ...(spec.aliases ?? [])]);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('panel layout', () => {
  it('reads a stored layout field by field, clamping widths and ignoring junk', () => {
    expect(parseLayout(null)).toMatchObject({ paletteVisible: true, paletteWidth: PALETTE_WIDTH.initial });
    expect(parseLayout('{"paletteVisible":false,"paletteWidth":9999,"inspectorWidth":"wide"}')).toMatchObject({
      paletteVisible: false,
      inspectorVisible: true,
      paletteWidth: PALETTE_WIDTH.max,
      inspectorWidth: 300,
    });
    expect(parseLayout('not json').paletteVisible).toBe(true);
    expect(clampWidth(10.4, PALETTE_WIDTH)).toBe(PALETTE_WIDTH.min);
  });
});
