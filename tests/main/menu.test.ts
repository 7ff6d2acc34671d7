import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate, type MenuOptions } from '../../src/main/menu';
import type { MenuCommand } from '../../src/protocol/menu-commands';

const examples = [
  { fileName: 'a.json', title: 'Alpha' },
  { fileName: 'b.json', title: 'Beta' },
];

type Item = MenuItemConstructorOptions;

function submenu(item: Item | undefined): Item[] {
  return (item?.submenu ?? []) as Item[];
}

function build(overrides: Partial<MenuOptions> = {}) {
  const sent: MenuCommand[] = [];
  const docs: string[] = [];
  const template = buildMenuTemplate({
    appName: 'Backprop Studio',
    isMac: false,
    examples,
    developerTools: false,
    send: (command) => sent.push(command),
    openFormatDocs: () => docs.push('opened'),
    ...overrides,
  });
  const menu = (label: string) => submenu(template.find((m) => m.label === label || m.role === label));
  const click = (item: Item | undefined) => (item?.click as () => void)();
  return { template, menu, click, sent, docs };
}

const labels = (items: Item[]) => items.filter((m) => m.type !== 'separator').map((m) => m.label ?? m.role);

describe('application menu', () => {
  it('has File with New, Open, Open Example, Save, Save As, Export JSON, each sent to the page', () => {
    const { menu, click, sent } = build();
    const file = menu('File');
    expect(labels(file)).toEqual(['New', 'Open…', 'Open Example', 'Save', 'Save As…', 'Export JSON…', 'quit']);
    for (const item of file.filter((m) => m.click)) click(item);
    expect(sent.map((c) => (c.type === 'command' ? c.id : c.fileName))).toEqual([
      'new-model',
      'load-model',
      'save-model',
      'save-as',
      'export-json',
    ]);
  });

  it('lists the examples under File > Open Example, each opening its file in the page', () => {
    const { menu, click, sent } = build();
    const items = submenu(menu('File').find((m) => m.label === 'Open Example'));
    expect(labels(items)).toEqual(['Alpha', 'Beta', 'Browse Examples…']);
    click(items[1]);
    click(items[3]);
    expect(sent).toEqual([
      { type: 'open-example', fileName: 'b.json' },
      { type: 'command', id: 'show-examples' },
    ]);
  });

  it('says so when there are no examples', () => {
    const { menu } = build({ examples: [] });
    const openExample = menu('File').find((m) => m.label === 'Open Example');
    expect(submenu(openExample)[0]).toEqual({ label: 'No examples found', enabled: false });
  });

  it('has Edit with the graph commands, and View with canvas zoom and panel toggles, not page zoom', () => {
    const { menu, click, sent } = build();
    expect(labels(menu('Edit'))).toEqual([
      'Undo',
      'Redo',
      'Cut',
      'Copy',
      'Paste',
      'Delete',
      'Select All',
      'Preferences…',
    ]);
    const view = menu('View');
    for (const item of view.filter((m) => m.click)) click(item);
    expect(sent.map((c) => c.type === 'command' && c.id)).toEqual([
      'zoom-in',
      'zoom-out',
      'zoom-reset',
      'fit-view',
      'toggle-palette',
      'toggle-inspector',
    ]);
    expect(view.map((m) => m.role)).not.toEqual(expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'reload']));
  });

  it('shows keys without registering them: the page handles its keys, so text fields keep theirs', () => {
    const { template } = build();
    const withKeys = template.flatMap((m) => submenu(m)).filter((m) => m.accelerator);
    expect(withKeys.length).toBeGreaterThan(10);
    for (const item of withKeys) expect(item.registerAccelerator).toBe(false);
  });

  it('offers developer tools only in development', () => {
    expect(
      build()
        .menu('View')
        .map((m) => m.role),
    ).not.toContain('toggleDevTools');
    expect(
      build({ developerTools: true })
        .menu('View')
        .map((m) => m.role),
    ).toContain('toggleDevTools');
  });

  it('has Help with About and the model format reference', () => {
    const { menu, click, docs } = build();
    const help = menu('help');
    expect(help.map((m) => m.role ?? m.label)).toEqual(['about', 'Model Format Reference']);
    click(help[1]);
    expect(docs).toEqual(['opened']);
  });

  it('puts an application menu first on macOS only, with About there', () => {
    const mac = build({ isMac: true });
    expect(mac.template[0].label).toBe('Backprop Studio');
    expect(submenu(mac.template[0]).map((m) => m.role)).toEqual(expect.arrayContaining(['about', 'quit']));
    expect(mac.menu('help').map((m) => m.role)).not.toContain('about');
    // Preferences sits in the application menu on macOS, in Edit elsewhere.
    expect(submenu(mac.template[0]).map((m) => m.label)).toContain('Preferences…');
    expect(labels(mac.menu('Edit'))).not.toContain('Preferences…');
    expect(build().template[0].label).toBe('File');
  });
});
