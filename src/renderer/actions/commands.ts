import { isDirty, useGraphStore } from '../stores/graph-store';
import { useUiStore } from '../stores/ui-store';
import type { FileHost } from './file-host';
import { type PlainActionId, runAction } from './registry';

/** What a key or a button can run: the plain actions, and Open, which asks the host for the text. */
export type CommandId = PlainActionId | 'load-model';

export interface CommandContext {
  files: FileHost;
  /** Asked before unsaved changes are thrown away; true goes ahead. */
  confirmDiscard(): boolean;
}

/**
 * What a key, a menu item or a toolbar button does: the action itself, plus the file I/O that
 * Open and Save need around it and a toast when the action refuses.
 */
export async function runCommand(id: CommandId, ctx: CommandContext): Promise<void> {
  const ui = useUiStore.getState();
  try {
    if (id === 'load-model') return await openModel(ctx);
    if (id === 'save-model') return await saveModel(ctx);
    if (id === 'new-model' && isDirty(useGraphStore.getState()) && !ctx.confirmDiscard()) return;
    const outcome = runAction(id);
    if (!outcome.ok) ui.showToast(outcome.reason, 'error');
  } catch (error) {
    ui.showToast(error instanceof Error ? error.message : String(error), 'error');
  }
}

async function openModel(ctx: CommandContext): Promise<void> {
  if (isDirty(useGraphStore.getState()) && !ctx.confirmDiscard()) return;
  const file = await ctx.files.open();
  if (!file) return;
  const ui = useUiStore.getState();
  const outcome = runAction('load-model', { text: file.text, fileName: file.name });
  if (!outcome.ok) {
    ui.showIssues({ title: outcome.reason, issues: outcome.issues ?? [] });
    return;
  }
  const count = outcome.value.issues.length;
  ui.showToast(
    count
      ? `Opened ${file.name}: ${count} issue${count === 1 ? '' : 's'} marked on the canvas.`
      : `Opened ${file.name}.`,
    count ? 'error' : 'info',
  );
}

async function saveModel(ctx: CommandContext): Promise<void> {
  const outcome = runAction('save-model');
  if (!outcome.ok) return;
  const { text, fileName, model } = outcome.value;
  const saved = await ctx.files.save(text, fileName);
  if (!saved) return;
  runAction('mark-saved', { fileName: saved.name, model });
  useUiStore.getState().showToast(`Saved ${saved.name}.`);
}
