import type { DocumentState, OpenedFile, SavedFile, SaveFileRequest, UnsavedChoice } from './document-files';
import type { MenuCommand, TextEditCommand } from './menu-commands';

export * from './document-files';
export * from './menu-commands';

/** IPC channel names between main and preload; nothing else crosses that boundary. */
export const IPC = {
  requestEnginePort: 'engine:request-port',
  enginePort: 'engine:port',
  engineExited: 'engine:exited',
  menuCommand: 'menu:command',
  openFile: 'file:open',
  saveFile: 'file:save',
  documentState: 'document:state',
  askUnsaved: 'document:ask-unsaved',
  saveRequest: 'document:save-request',
  saveResult: 'document:save-result',
  textEdit: 'edit:text',
} as const;

/** The data of the window message that hands the engine port from the preload to the page. */
export const ENGINE_PORT_MESSAGE = 'backprop-studio:engine-port';

export interface EngineExitInfo {
  code: number;
}

export function isEngineExitInfo(value: unknown): value is EngineExitInfo {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

/** What the preload exposes to the page as `window.studio`: a few named functions, no ipcRenderer. */
export interface StudioBridge {
  readonly host: 'electron';
  /** Asks main for a fresh engine port; it arrives as a window message tagged ENGINE_PORT_MESSAGE. */
  requestEnginePort(): void;
  /** Returns a function that removes the listener. */
  onEngineExit(listener: (info: EngineExitInfo) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Shows the open dialog; null when the user cancels. Only .json files are read. */
  openModelFile(): Promise<OpenedFile | null>;
  /** Writes over the document's file, or where the user picks in a save dialog; null when cancelled. */
  saveModelFile(request: SaveFileRequest): Promise<SavedFile | null>;
  /** Keeps the window title, the unsaved mark and the close prompt up to date. */
  setDocumentState(state: DocumentState): void;
  /** Asks Save / Don't Save / Cancel in a native message box. */
  askUnsavedChanges(): Promise<UnsavedChoice>;
  /** Main asks the page to save before the window closes; answer with reportSaveResult. */
  onSaveRequest(listener: (requestId: number) => void): () => void;
  reportSaveResult(requestId: number, saved: boolean): void;
  /** A menu's edit command, for the focused text field rather than the graph. */
  editText(command: TextEditCommand): void;
}
