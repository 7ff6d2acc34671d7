import type { SaveMode, UnsavedChoice } from '../../protocol/document-files';
import { findExample } from '../examples/examples';
import { isDirty, useGraphStore } from '../stores/graph-store';
import { useUiStore } from '../stores/ui-store';
import type { FileHost } from './file-host';
import { runAction } from './registry';

export interface FileCommandContext {
  files: FileHost;
  /** Asked before unsaved changes are thrown away: save them first, discard them, or stop. */
  askUnsaved(): Promise<UnsavedChoice>;
}

/** Writes the document; true once it is saved (or exported). */
export async function saveModel(ctx: FileCommandContext, mode: SaveMode): Promise<boolean> {
  const outcome = runAction('save-model');
  if (!outcome.ok) return false;
  const { text, fileName, model } = outcome.value;
  const handle = useGraphStore.getState().fileHandle;
  const saved = await ctx.files.save({ text, suggestedName: fileName, mode, handle });
  if (!saved) return false;
  if (mode !== 'export') runAction('mark-saved', { fileName: saved.name, fileHandle: saved.handle, model });
  useUiStore.getState().showToast(mode === 'export' ? `Exported ${saved.name}.` : `Saved ${saved.name}.`);
  return true;
}

/** True when the document may be replaced: it is saved, the user saved it now, or chose to discard it. */
export async function mayReplaceDocument(ctx: FileCommandContext): Promise<boolean> {
  if (!isDirty(useGraphStore.getState())) return true;
  const choice = await ctx.askUnsaved();
  if (choice === 'cancel') return false;
  return choice === 'discard' || (await saveModel(ctx, 'save'));
}

/** Opens model text as the document, or lists why it cannot be opened and leaves the document alone. */
function openText(text: string, fileName: string, fileHandle?: number): boolean {
  const ui = useUiStore.getState();
  const outcome = runAction('load-model', { text, fileName, fileHandle });
  if (!outcome.ok) {
    ui.showIssues({ title: outcome.reason, issues: outcome.issues ?? [] });
    return false;
  }
  const count = outcome.value.issues.length;
  ui.showToast(
    count ? `Opened ${fileName}: ${count} issue${count === 1 ? '' : 's'} marked on the canvas.` : `Opened ${fileName}.`,
    count ? 'error' : 'info',
  );
  return true;
}

export async function openModel(ctx: FileCommandContext): Promise<boolean> {
  if (!(await mayReplaceDocument(ctx))) return false;
  const file = await ctx.files.open();
  return file ? openText(file.text, file.name, file.handle) : false;
}

/** Opens a bundled example; it has no file on disk, so Save asks where to write it. */
export async function openExample(fileName: string, ctx: FileCommandContext): Promise<boolean> {
  const example = findExample(fileName);
  if (!example) {
    useUiStore.getState().showToast(`There is no example called ${fileName}.`, 'error');
    return false;
  }
  if (!(await mayReplaceDocument(ctx))) return false;
  useUiStore.getState().closeExamples();
  return openText(example.text, example.fileName);
}
