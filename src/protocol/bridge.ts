/** IPC channel names between main and preload; nothing else crosses that boundary. */
export const IPC = {
  requestEnginePort: 'engine:request-port',
  enginePort: 'engine:port',
  engineExited: 'engine:exited',
  menuCommand: 'menu:command',
} as const;

/** The data of the window message that hands the engine port from the preload to the page. */
export const ENGINE_PORT_MESSAGE = 'backprop-studio:engine-port';

export interface EngineExitInfo {
  code: number;
}

export function isEngineExitInfo(value: unknown): value is EngineExitInfo {
  return typeof value === 'object' && value !== null && typeof (value as { code?: unknown }).code === 'number';
}

export type MenuCommand = { type: 'open-example'; fileName: string };

export function isMenuCommand(value: unknown): value is MenuCommand {
  if (typeof value !== 'object' || value === null) return false;
  const command = value as { type?: unknown; fileName?: unknown };
  return command.type === 'open-example' && typeof command.fileName === 'string';
}

/** What the preload exposes to the page as `window.studio`: a few named functions, no ipcRenderer. */
export interface StudioBridge {
  readonly host: 'electron';
  /** Asks main for a fresh engine port; it arrives as a window message tagged ENGINE_PORT_MESSAGE. */
  requestEnginePort(): void;
  /** Returns a function that removes the listener. */
  onEngineExit(listener: (info: EngineExitInfo) => void): () => void;
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
}
