import { contextBridge, ipcRenderer } from 'electron';
import { ENGINE_PORT_MESSAGE, IPC } from '../protocol/bridge';
import { createBridge } from './bridge';

// The preload runs in the page, but tsconfig.node has no DOM library: name the one call it makes.
declare const window: { postMessage(message: unknown, targetOrigin: string, transfer?: unknown[]): void };

// A MessagePort cannot cross contextBridge, so it goes to the page as a window message; the page
// takes it only when the message's source is its own window.
ipcRenderer.on(IPC.enginePort, (event) => {
  window.postMessage(ENGINE_PORT_MESSAGE, '*', event.ports);
});

contextBridge.exposeInMainWorld('studio', createBridge(ipcRenderer));
