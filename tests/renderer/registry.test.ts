import { describe, expect, it } from 'vitest';
import { actions } from '../../src/renderer/actions/registry';
import { formatShortcut, matchesShortcut } from '../../src/renderer/actions/shortcuts';

const press = (key: string, mods: Partial<Record<'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey', boolean>> = {}) => ({
  key,
  ctrlKey: false,
  metaKey: false,
  shiftKey: false,
  altKey: false,
  ...mods,
});

describe('action registry', () => {
  it('gives every command a label, and the editing commands their usual keys', () => {
    for (const action of Object.values(actions)) expect(action.label).not.toBe('');
    const keys = Object.fromEntries(Object.entries(actions).map(([id, a]) => [id, a.shortcut]));
    expect(keys).toMatchObject({
      'delete-selection': 'Delete',
      undo: 'Mod+Z',
      redo: 'Shift+Mod+Z',
      copy: 'Mod+C',
      paste: 'Mod+V',
      cut: 'Mod+X',
      'select-all': 'Mod+A',
      'save-model': 'Mod+S',
      'load-model': 'Mod+O',
    });
    const all = Object.values(actions)
      .flatMap((a) => [a.shortcut, ...(a.aliases ?? [])])
      .filter(Boolean);
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('shortcuts', () => {
  it('reads Mod as Ctrl off macOS and Cmd on it, and needs Shift exactly when asked', () => {
    expect(matchesShortcut(press('z', { ctrlKey: true }), 'Mod+Z', false)).toBe(true);
    expect(matchesShortcut(press('z', { metaKey: true }), 'Mod+Z', true)).toBe(true);
    expect(matchesShortcut(press('z', { metaKey: true }), 'Mod+Z', false)).toBe(false);
    expect(matchesShortcut(press('Z', { ctrlKey: true, shiftKey: true }), 'Mod+Z', false)).toBe(false);
    expect(matchesShortcut(press('Z', { ctrlKey: true, shiftKey: true }), 'Shift+Mod+Z', false)).toBe(true);
    expect(matchesShortcut(press('Delete'), 'Delete', false)).toBe(true);
    expect(matchesShortcut(press('Delete', { ctrlKey: true }), 'Delete', false)).toBe(false);
  });

  it('writes shortcuts the way each platform does', () => {
    expect(formatShortcut('Shift+Mod+Z', false)).toBe('Shift+Ctrl+Z');
    expect(formatShortcut('Shift+Mod+Z', true)).toBe('⇧⌘Z');
  });
});
