import type { DocumentState, UnsavedChoice } from '../../protocol/document-files';
import type { FileHost } from '../actions/file-host';
import type { CommandSource } from '../editor/useExternalCommands';

/**
 * What differs between the desktop app and a browser tab; everything else in the page is the
 * same. One object per page, so it is safe as a React dependency.
 */
export interface StudioHost {
  files: FileHost;
  askUnsaved(): Promise<UnsavedChoice>;
  /** The desktop menu's commands. */
  commandSource?: CommandSource;
  /** Tells the desktop shell the document's name and whether it has unsaved changes. */
  reportDocument?(state: DocumentState): void;
  /** The desktop shell asks the page to save before its window closes; returns a function that stops. */
  onSaveRequest?(save: () => Promise<boolean>): () => void;
  /** A browser tab guards its own unsaved changes with beforeunload; the desktop shell asks in main. */
  guardsUnload: boolean;
}
