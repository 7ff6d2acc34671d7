import { memo } from 'react';
import { formatShortcut, isMacPlatform } from '../actions/shortcuts';
import { DebuggerIcon } from './DebuggerIcon';
import { type DebuggerCommand, debuggerCommands } from './debugger-commands';

export interface StepButtonProps {
  command: DebuggerCommand;
  enabled: boolean;
  onRun(command: DebuggerCommand): void;
}

const mac = isMacPlatform();

/** One debugger command as an icon and its name; the tooltip says what it does and its key. */
export const StepButton = memo(function StepButton({ command, enabled, onRun }: StepButtonProps) {
  const spec = debuggerCommands[command];
  return (
    <button
      type="button"
      className={`bs-button bs-dbg-button bs-dbg-button--${command}`}
      disabled={!enabled}
      title={`${spec.hint} (${formatShortcut(spec.shortcut, mac)})`}
      aria-keyshortcuts={spec.shortcut}
      onClick={() => onRun(command)}
    >
      <DebuggerIcon name={spec.icon} />
      <span>{spec.label}</span>
    </button>
  );
});
