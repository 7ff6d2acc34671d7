import { useEffect } from 'react';
import type { CommandId } from '../actions/commands';
import { actions, isEnabled } from '../actions/registry';
import { isMacPlatform, matchesShortcut } from '../actions/shortcuts';

function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

// In a text field the field's own undo, copy and delete win; Open and Save still work.
const worksInTextFields = new Set<string>(['save-model', 'load-model']);

/** The keyboard's way into the same commands the toolbar and menus run. */
export function useShortcuts(onCommand: (id: CommandId) => void): void {
  useEffect(() => {
    const mac = isMacPlatform();
    // Only commands carry shortcuts: actions that need arguments from a gesture have none.
    const entries = Object.entries(actions).filter(([, a]) => a.shortcut) as [CommandId, (typeof actions)[CommandId]][];
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.isComposing) return;
      const typing = isTextEntry(event.target);
      for (const [id, action] of entries) {
        const keys = [action.shortcut ?? '', ...(action.aliases ?? [])];
        if (!keys.some((k) => matchesShortcut(event, k, mac))) continue;
        if (typing && !worksInTextFields.has(id)) return;
        // Claimed even when disabled: Mod+A with an empty graph must not select the page's text.
        event.preventDefault();
        if (isEnabled(id)) onCommand(id);
        return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onCommand]);
}
