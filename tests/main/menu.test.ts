import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { buildMenuTemplate } from '../../src/main/menu';

const examples = [
  { fileName: 'a.json', title: 'Alpha' },
  { fileName: 'b.json', title: 'Beta' },
];

function submenu(item: MenuItemConstructorOptions | undefined): MenuItemConstructorOptions[] {
  return (item?.submenu ?? []) as MenuItemConstructorOptions[];
}

function build(isMac = false, opened: string[] = []) {
  return buildMenuTemplate({ appName: 'Backprop Studio', isMac, examples, openExample: (f) => opened.push(f) });
}

describe('application menu', () => {
  it('lists the examples under File > Open Example, each opening its file in the page', () => {
    const opened: string[] = [];
    const file = build(false, opened).find((m) => m.label === 'File');
    const openExample = submenu(file).find((m) => m.label === 'Open Example');
    const items = submenu(openExample);
    expect(items.map((m) => m.label)).toEqual(['Alpha', 'Beta']);
    (items[1].click as () => void)();
    expect(opened).toEqual(['b.json']);
    expect(submenu(file).at(-1)?.role).toBe('quit');
  });

  it('says so when there are no examples', () => {
    const template = buildMenuTemplate({ appName: 'B', isMac: false, examples: [], openExample: () => {} });
    const openExample = submenu(template[0]).find((m) => m.label === 'Open Example');
    expect(submenu(openExample)).toEqual([{ label: 'No examples found', enabled: false }]);
  });

  it('has View with reload and developer tools, and Help', () => {
    const template = build();
    const view = submenu(template.find((m) => m.label === 'View')).map((m) => m.role);
    expect(view).toEqual(expect.arrayContaining(['reload', 'forceReload', 'toggleDevTools']));
    expect(template.at(-1)?.role).toBe('help');
  });

  it('puts an application menu first on macOS only', () => {
    expect(build(true)[0].label).toBe('Backprop Studio');
    expect(build(false)[0].label).toBe('File');
    expect(submenu(build(true)[0]).map((m) => m.role)).toContain('quit');
  });
});
