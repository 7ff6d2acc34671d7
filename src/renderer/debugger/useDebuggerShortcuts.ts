import { useEffect } from 'react';
import { isMacPlatform, matchesShortcut } from '../actions/shortcuts';
import { commandOrder, type DebuggerCommand, debuggerCommands } from './debugger-commands';

/**
 * The debugger's function keys. They work in text fields too (they type nothing), and are
 * claimed even when the command is disabled, so F5 never reloads the page mid-pass.
 */
export function useDebuggerShortcuts(run: (command: DebuggerCommand) => void): void {
  useEffect(() => {
    const mac = isMacPlatform();
    function onKeyDown(event: KeyboardEvent): void {
      if (event.defaultPrevented || event.isComposing) return;
      const command = commandOrder.find((c) => matchesShortcut(event, debuggerCommands[c].shortcut, mac));
      if (!command) return;
      event.preventDefault();
      run(command);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);
}
