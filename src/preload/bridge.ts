import {
  type EngineExitInfo,
  IPC,
  isEngineExitInfo,
  isMenuCommand,
  isOpenedFile,
  isRequestId,
  isSavedFile,
  isUnsavedChoice,
  type MenuCommand,
  type StudioBridge,
} from '../protocol/bridge';

/** The part of ipcRenderer the bridge uses; the page never sees it. */
export interface BridgeIpc {
  send(channel: string, ...args: unknown[]): void;
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, value: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, value: unknown) => void): unknown;
}

/** window.studio: named functions only, each passing on just the data it promises. */
export function createBridge(ipc: BridgeIpc): StudioBridge {
  function subscribe<T>(channel: string, accept: (value: unknown) => value is T, listener: (value: T) => void) {
    const handler = (_event: unknown, value: unknown) => {
      if (accept(value)) listener(value);
    };
    ipc.on(channel, handler);
    return () => {
      ipc.removeListener(channel, handler);
    };
  }
  async function invoke<T>(channel: string, accept: (value: unknown) => value is T, arg?: unknown): Promise<T> {
    const value = arg === undefined ? await ipc.invoke(channel) : await ipc.invoke(channel, arg);
    if (!accept(value)) throw new Error(`main answered '${channel}' with something unexpected`);
    return value;
  }
  const orNull =
    <T>(accept: (value: unknown) => value is T) =>
    (value: unknown): value is T | null =>
      value === null || accept(value);
  return {
    host: 'electron',
    requestEnginePort: () => ipc.send(IPC.requestEnginePort),
    onEngineExit: (listener: (info: EngineExitInfo) => void) => subscribe(IPC.engineExited, isEngineExitInfo, listener),
    onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(IPC.menuCommand, isMenuCommand, listener),
    openModelFile: () => invoke(IPC.openFile, orNull(isOpenedFile)),
    saveModelFile: (request) => invoke(IPC.saveFile, orNull(isSavedFile), request),
    setDocumentState: (state) => ipc.send(IPC.documentState, state),
    askUnsavedChanges: () => invoke(IPC.askUnsaved, isUnsavedChoice),
    onSaveRequest: (listener) => subscribe(IPC.saveRequest, isRequestId, listener),
    reportSaveResult: (requestId, saved) => ipc.send(IPC.saveResult, { requestId, saved }),
    editText: (command) => ipc.send(IPC.textEdit, command),
  };
}
