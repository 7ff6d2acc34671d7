import { useLayoutStore } from '../stores/layout-store';
import { useUiStore } from '../stores/ui-store';
import { type FileCommandContext, mayReplaceDocument, openModel, saveModel } from './file-commands';
import { type HostCommandId, type HostCommandSpec, hostCommands } from './host-commands';
import { actions, type PlainActionId, runAction } from './registry';

/** What a key, a menu item or a button can run: the plain actions and the host commands. */
export type CommandId = PlainActionId | HostCommandId;

/** The canvas's camera. */
export interface ViewControls {
  zoomIn(): void;
  zoomOut(): void;
  zoomReset(): void;
  fitView(): void;
}

export interface CommandContext extends FileCommandContext {
  /** Absent where no canvas is shown: the view commands then do nothing. */
  view?: ViewControls;
}

export function isHostCommand(id: CommandId): id is HostCommandId {
  return id in hostCommands;
}

/** Label, keys and enabled state of any command, for buttons, menus and the keyboard. */
export function commandSpec(id: CommandId): HostCommandSpec {
  return isHostCommand(id) ? hostCommands[id] : actions[id];
}

/** Every command that has keys; the host's Open replaces the load-model action's entry. */
export function commandsWithKeys(): [CommandId, HostCommandSpec][] {
  const all = new Map<CommandId, HostCommandSpec>();
  for (const [id, action] of Object.entries(actions)) if (action.shortcut) all.set(id as CommandId, action);
  for (const [id, spec] of Object.entries(hostCommands)) all.set(id as HostCommandId, spec);
  return [...all].filter(([, spec]) => spec.shortcut);
}

function runHostCommand(id: HostCommandId, ctx: CommandContext): Promise<boolean> | boolean {
  const layout = useLayoutStore.getState();
  switch (id) {
    case 'load-model':
      return openModel(ctx);
    case 'save-as':
      return saveModel(ctx, 'save-as');
    case 'export-json':
      return saveModel(ctx, 'export');
    case 'show-examples':
      useUiStore.getState().showExamples();
      return true;
    case 'show-preferences':
      useUiStore.getState().showPreferences();
      return true;
    case 'zoom-in':
      ctx.view?.zoomIn();
      return true;
    case 'zoom-out':
      ctx.view?.zoomOut();
      return true;
    case 'zoom-reset':
      ctx.view?.zoomReset();
      return true;
    case 'fit-view':
      ctx.view?.fitView();
      return true;
    case 'toggle-palette':
      layout.togglePalette();
      return true;
    case 'toggle-inspector':
      layout.toggleInspector();
      return true;
  }
}

/**
 * The one way a key, a menu item or a toolbar button runs a command: the action itself, plus
 * the file I/O, dialogs and view changes around it, and a toast when something refuses or fails.
 * True when the command went through (for Save: the file was written).
 */
export async function runCommand(id: CommandId, ctx: CommandContext): Promise<boolean> {
  const ui = useUiStore.getState();
  try {
    if (isHostCommand(id)) return await runHostCommand(id, ctx);
    if (id === 'save-model') return await saveModel(ctx, 'save');
    if (id === 'new-model' && !(await mayReplaceDocument(ctx))) return false;
    const outcome = runAction(id);
    if (!outcome.ok) ui.showToast(outcome.reason, 'error');
    return outcome.ok;
  } catch (error) {
    ui.showToast(error instanceof Error ? error.message : String(error), 'error');
    return false;
  }
}
