import type { OpenedFile, SavedFile, SaveFileRequest } from '../../protocol/document-files';

/** Where Open and Save read and write files: the browser's picker and downloads, or the desktop's dialogs. */
export interface FileHost {
  /** Asks the user for a model file; null when they cancel. */
  open(): Promise<OpenedFile | null>;
  /** Writes the text; what it was saved as, or null when they cancel. */
  save(request: SaveFileRequest): Promise<SavedFile | null>;
}
