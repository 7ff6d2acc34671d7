import { useEffect } from 'react';
import { type CommandId, commandsWithKeys } from '../actions/commands';
import { isMacPlatform, matchesShortcut } from '../actions/shortcuts';
import { useGraphStore } from '../stores/graph-store';
import { isTextEntry } from './text-entry';

// In a text field the field's own undo, copy and delete win; file and view commands still work.
const worksInTextFields = new Set<CommandId>([
  'save-model',
  'save-as',
  'export-json',
  'load-model',
  'new-model',
  'zoom-in',
  'zoom-out',
  'zoom-reset',
  'fit-view',
  'toggle-palette',
  'toggle-inspector',
  'show-preferences',
]);

/** The keyboard's way into the same commands the toolbar and menus run. */
export function useShortcuts(onCommand: (id: CommandId) => void): void {
  useEffect(() => {
    const mac = isMacPlatform();
    const entries = commandsWithKeys();
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.isComposing) return;
      const typing = isTextEntry(event.target);
      for (const [id, spec] of entries) {
        const keys = [spec.shortcut ?? '', ...(spec.aliases ?? [])];
        if (!keys.some((k) => matchesShortcut(event, k, mac))) continue;
        if (typing && !worksInTextFields.has(id)) return;
        // Claimed even when disabled: Mod+A with an empty graph must not select the page's text.
        event.preventDefault();
        if (spec.enabled(useGraphStore.getState())) onCommand(id);
        return;
      }
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [onCommand]);
}
