/** Messages about the open document between the page and the desktop shell. */

/** A model file the user picked in the open dialog. */
export interface OpenedFile {
  name: string;
  text: string;
  /**
   * The shell's token for the file's path. The page hands it back to save over the same file;
   * it never sees or names a path itself.
   */
  handle?: number;
}

/** save: over the document's own file when it has one; save-as and export: always ask where. */
export type SaveMode = 'save' | 'save-as' | 'export';

export interface SaveFileRequest {
  text: string;
  suggestedName: string;
  mode: SaveMode;
  handle: number | null;
}

export interface SavedFile {
  name: string;
  handle?: number;
}

export interface DocumentState {
  fileName: string | null;
  dirty: boolean;
}

/** The answer to "save changes?" before a close, New or Open. */
export type UnsavedChoice = 'save' | 'discard' | 'cancel';

export interface SaveResult {
  requestId: number;
  saved: boolean;
}

/** Models above this size are refused, in both directions. */
export const MAX_MODEL_FILE_BYTES = 64 * 1024 * 1024;

const UNTITLED = 'Untitled';
export const APP_TITLE = 'Backprop Studio';

/** "<file name>• — Backprop Studio": the dot marks unsaved changes. */
export function documentTitle(state: DocumentState): string {
  return `${state.fileName ?? UNTITLED}${state.dirty ? '•' : ''} — ${APP_TITLE}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHandle(value: unknown): value is number {
  return Number.isSafeInteger(value) && (value as number) > 0;
}

export function isSaveFileRequest(value: unknown): value is SaveFileRequest {
  if (!isRecord(value)) return false;
  const { text, suggestedName, mode, handle } = value;
  return (
    typeof text === 'string' &&
    text.length <= MAX_MODEL_FILE_BYTES &&
    typeof suggestedName === 'string' &&
    suggestedName.length > 0 &&
    suggestedName.length <= 255 &&
    (mode === 'save' || mode === 'save-as' || mode === 'export') &&
    (handle === null || isHandle(handle))
  );
}

export function isDocumentState(value: unknown): value is DocumentState {
  if (!isRecord(value)) return false;
  const { fileName, dirty } = value;
  return (fileName === null || (typeof fileName === 'string' && fileName.length <= 255)) && typeof dirty === 'boolean';
}

export function isSaveResult(value: unknown): value is SaveResult {
  return isRecord(value) && isHandle(value.requestId) && typeof value.saved === 'boolean';
}

export function isRequestId(value: unknown): value is number {
  return isHandle(value);
}

export function isOpenedFile(value: unknown): value is OpenedFile {
  return (
    isRecord(value) &&
    typeof value.name === 'string' &&
    typeof value.text === 'string' &&
    (value.handle === undefined || isHandle(value.handle))
  );
}

export function isSavedFile(value: unknown): value is SavedFile {
  return isRecord(value) && typeof value.name === 'string' && (value.handle === undefined || isHandle(value.handle));
}

export function isUnsavedChoice(value: unknown): value is UnsavedChoice {
  return value === 'save' || value === 'discard' || value === 'cancel';
}
