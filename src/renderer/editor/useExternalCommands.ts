import { useEffect } from 'react';
import type { MenuCommand } from '../../protocol/menu-commands';
import { type CommandContext, runCommand } from '../actions/commands';
import { openExample } from '../actions/file-commands';

/** Commands from outside the page (the desktop menu); returns a function that stops listening. */
export type CommandSource = (run: (command: MenuCommand) => void) => () => void;

/** Runs commands from the host's menu through the same entry point as keys and buttons. */
export function useExternalCommands(source: CommandSource | undefined, context: CommandContext): void {
  useEffect(() => {
    if (!source) return;
    return source((command) => {
      if (command.type === 'open-example') void openExample(command.fileName, context);
      else void runCommand(command.id, context);
    });
  }, [source, context]);
}
