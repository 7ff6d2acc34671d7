import { type DebuggerState, forwardComplete } from '../stores/debugger-store';
import type { DebuggerIconName } from './DebuggerIcon';

export type DebuggerCommand = 'step-forward' | 'step-backward' | 'run-pass' | 'reset';

export interface DebuggerCommandSpec {
  label: string;
  /** Function keys, so nothing the editor binds (Delete, Mod+Z/Y/C/V/X/A/S/O) is taken. */
  shortcut: string;
  icon: DebuggerIconName;
  /** What the tooltip says it does. */
  hint: string;
}

export const debuggerCommands: Record<DebuggerCommand, DebuggerCommandSpec> = {
  'step-forward': {
    label: 'Step forward',
    shortcut: 'F10',
    icon: 'step-forward',
    hint: 'Run the next node forward',
  },
  'step-backward': {
    label: 'Step backward',
    shortcut: 'Shift+F10',
    icon: 'step-backward',
    hint: 'Run the chain rule at the next node back',
  },
  'run-pass': { label: 'Run pass', shortcut: 'F5', icon: 'run-pass', hint: 'Run a whole pass, forward and back' },
  reset: { label: 'Reset', shortcut: 'Shift+F5', icon: 'reset', hint: 'Start the pass over' },
};

export const commandOrder: readonly DebuggerCommand[] = ['step-forward', 'step-backward', 'run-pass', 'reset'];

type CommandState = Pick<DebuggerState, 'phase' | 'nextNodeId' | 'busy' | 'forwardSteps' | 'lastUpdate'>;

/** Whether a command can run now; `runnable` says the graph compiles without issues. */
export function commandEnabled(command: DebuggerCommand, s: CommandState, runnable: boolean): boolean {
  if (s.busy || !runnable) return false;
  switch (command) {
    case 'step-forward':
      return !forwardComplete(s);
    case 'step-backward':
      return forwardComplete(s) && s.phase !== 'done';
    case 'run-pass':
      return true;
    case 'reset':
      return s.phase !== 'idle' || s.forwardSteps > 0 || s.lastUpdate !== null;
  }
}
