import { type DocumentState, documentTitle, type UnsavedChoice } from '../protocol/document-files';

/** What a window needs to show its document (Electron's BrowserWindow has these). */
export interface TitledWindow {
  setTitle(title: string): void;
  setDocumentEdited(edited: boolean): void;
}

/** The document state each page last reported: the window title, macOS's edited dot, the close prompt. */
export class DocumentWindows<W extends TitledWindow> {
  private readonly states = new WeakMap<W, DocumentState>();

  constructor(private readonly isMac: boolean) {}

  update(window: W, state: DocumentState): void {
    this.states.set(window, state);
    window.setTitle(documentTitle(state));
    if (this.isMac) window.setDocumentEdited(state.dirty);
  }

  stateOf(window: W): DocumentState {
    return this.states.get(window) ?? { fileName: null, dirty: false };
  }
}

/** A window's close event (Electron's BrowserWindow emits it with a preventable event). */
export interface ClosableWindow {
  on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
  close(): void;
}

export interface CloseGuardOptions {
  isDirty(): boolean;
  ask(): Promise<UnsavedChoice>;
  /** Asks the page to save; true once it has. */
  save(): Promise<boolean>;
}

/** Asks Save / Don't Save / Cancel before a window with unsaved changes closes. */
export function guardClose(window: ClosableWindow, options: CloseGuardOptions): void {
  let confirmed = false;
  let asking = false;
  async function decide(): Promise<void> {
    const choice = await options.ask();
    if (choice === 'cancel') return;
    if (choice === 'save' && !(await options.save())) return;
    confirmed = true;
    window.close();
  }
  window.on('close', (event) => {
    if (confirmed || !options.isDirty()) return;
    event.preventDefault();
    if (asking) return;
    asking = true;
    void decide()
      .catch((error: unknown) => console.error('main: the close prompt failed', error))
      .finally(() => {
        asking = false;
      });
  });
}
