import {
  type EngineExitInfo,
  IPC,
  isEngineExitInfo,
  isMenuCommand,
  type MenuCommand,
  type StudioBridge,
} from '../protocol/bridge';

/** The part of ipcRenderer the bridge uses; the page never sees it. */
export interface BridgeIpc {
  send(channel: string): void;
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
  return {
    host: 'electron',
    requestEnginePort: () => ipc.send(IPC.requestEnginePort),
    onEngineExit: (listener: (info: EngineExitInfo) => void) => subscribe(IPC.engineExited, isEngineExitInfo, listener),
    onMenuCommand: (listener: (command: MenuCommand) => void) => subscribe(IPC.menuCommand, isMenuCommand, listener),
  };
}
