import {
  type DocumentState,
  IPC,
  isDocumentState,
  isSaveFileRequest,
  isSaveResult,
  isTextEditCommand,
  type OpenedFile,
  type SavedFile,
  type SaveFileRequest,
  type SaveResult,
  type TextEditCommand,
  type UnsavedChoice,
} from '../protocol/bridge';
import { hasNoArguments, isTrustedSender, type SenderFrame } from './sender-checks';

/** What an IPC event carries (Electron's IpcMainEvent and IpcMainInvokeEvent have these). */
export interface IpcEventLike<S> {
  sender: S;
  senderFrame: SenderFrame | null;
}

/** The part of ipcMain the handlers use. */
export interface IpcMainLike<S> {
  on(channel: string, listener: (event: IpcEventLike<S>, ...args: unknown[]) => void): unknown;
  handle(channel: string, handler: (event: IpcEventLike<S>, ...args: unknown[]) => unknown): unknown;
}

/** What main does for a page, once the sender is known to be one of its windows. */
export interface StudioServices<S, W> {
  connectEngine(sender: S): void;
  openFile(window: W): Promise<OpenedFile | null>;
  saveFile(window: W, request: SaveFileRequest): Promise<SavedFile | null>;
  updateDocument(window: W, state: DocumentState): void;
  askUnsaved(window: W): Promise<UnsavedChoice>;
  settleSave(window: W, result: SaveResult): void;
  editText(sender: S, command: TextEditCommand): void;
}

export interface StudioIpcOptions<S, W> {
  trustedOrigins: readonly string[];
  /** The app window a sender belongs to; null for anything else. */
  windowOf(sender: S): W | null;
  services: StudioServices<S, W>;
}

/**
 * Every channel the preload uses. Each handler first checks that the message comes from the
 * top frame of an app page in one of our windows, then that its arguments have the promised
 * shape; anything else is dropped (one-way messages) or refused (invocations).
 */
export function registerStudioIpc<S, W>(ipc: IpcMainLike<S>, options: StudioIpcOptions<S, W>): void {
  const { services } = options;
  function windowFor(event: IpcEventLike<S>): W | null {
    if (!isTrustedSender(event.senderFrame, options.trustedOrigins)) return null;
    return options.windowOf(event.sender);
  }
  function refuse(channel: string): never {
    throw new Error(`'${channel}' was refused: not from an app window, or malformed`);
  }

  ipc.on(IPC.requestEnginePort, (event, ...args) => {
    if (windowFor(event) !== null && hasNoArguments(args)) services.connectEngine(event.sender);
  });
  ipc.on(IPC.documentState, (event, ...args) => {
    const window = windowFor(event);
    if (window !== null && args.length === 1 && isDocumentState(args[0])) services.updateDocument(window, args[0]);
  });
  ipc.on(IPC.saveResult, (event, ...args) => {
    const window = windowFor(event);
    if (window !== null && args.length === 1 && isSaveResult(args[0])) services.settleSave(window, args[0]);
  });
  ipc.on(IPC.textEdit, (event, ...args) => {
    if (windowFor(event) !== null && args.length === 1 && isTextEditCommand(args[0]))
      services.editText(event.sender, args[0]);
  });
  ipc.handle(IPC.openFile, (event, ...args) => {
    const window = windowFor(event);
    if (window === null || !hasNoArguments(args)) refuse(IPC.openFile);
    return services.openFile(window);
  });
  ipc.handle(IPC.saveFile, (event, ...args) => {
    const window = windowFor(event);
    if (window === null || args.length !== 1 || !isSaveFileRequest(args[0])) refuse(IPC.saveFile);
    return services.saveFile(window, args[0]);
  });
  ipc.handle(IPC.askUnsaved, (event, ...args) => {
    const window = windowFor(event);
    if (window === null || !hasNoArguments(args)) refuse(IPC.askUnsaved);
    return services.askUnsaved(window);
  });
}
