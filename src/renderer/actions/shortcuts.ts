/** The parts of a keyboard event a shortcut looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

export function isMacPlatform(): boolean {
  return typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);
}

/** "Shift+Mod+Z" against a key press; Mod is Cmd on macOS and Ctrl elsewhere. */
export function matchesShortcut(press: KeyPress, shortcut: string, mac: boolean): boolean {
  const parts = shortcut.split('+');
  const key = parts[parts.length - 1];
  const mods = new Set(parts.slice(0, -1));
  const mod = mac ? press.metaKey : press.ctrlKey;
  const otherMod = mac ? press.ctrlKey : press.metaKey;
  return (
    press.key.toLowerCase() === key.toLowerCase() &&
    mod === mods.has('Mod') &&
    press.shiftKey === mods.has('Shift') &&
    press.altKey === mods.has('Alt') &&
    !otherMod
  );
}

/** How a shortcut is written in a tooltip or menu on this platform. */
export function formatShortcut(shortcut: string, mac: boolean): string {
  const parts = shortcut.split('+');
  if (mac) {
    const symbols: Record<string, string> = { Mod: '⌘', Shift: '⇧', Alt: '⌥', Delete: '⌫' };
    return parts.map((p) => symbols[p] ?? p).join('');
  }
  return parts.map((p) => (p === 'Mod' ? 'Ctrl' : p)).join('+');
}
