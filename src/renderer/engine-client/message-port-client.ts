import { ENGINE_PORT_MESSAGE, type StudioBridge } from '../../protocol/bridge';
import { EngineClientError } from './client-error';
import type { EngineClient } from './engine-client';
import { RequestChannel } from './request-channel';

/**
 * Asks main for an engine port and talks over it. The preload hands the port over with
 * window.postMessage; only a message whose source is this very window is accepted, so no
 * frame or other page can slip in a port of its own.
 */
export function connectElectronEngine(bridge: StudioBridge, timeoutMs = 15_000): Promise<EngineClient> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      window.removeEventListener('message', onMessage);
      reject(
        new EngineClientError({ code: 'disconnected', message: 'the main process did not hand over an engine port' }),
      );
    }, timeoutMs);
    function onMessage(event: MessageEvent): void {
      if (event.source !== window || event.data !== ENGINE_PORT_MESSAGE || event.ports.length !== 1) return;
      clearTimeout(timer);
      window.removeEventListener('message', onMessage);
      resolve(portClient(event.ports[0], bridge));
    }
    window.addEventListener('message', onMessage);
    bridge.requestEnginePort();
  });
}

function portClient(port: MessagePort, bridge: StudioBridge): EngineClient {
  const stopWatchingExit = bridge.onEngineExit(({ code }) =>
    channel.disconnect(`the engine process exited (code ${code})`),
  );
  const channel = new RequestChannel({
    kind: 'electron',
    post: (request) => port.postMessage(request),
    close: () => {
      stopWatchingExit();
      port.close();
    },
  });
  port.onmessage = (event) => channel.receive(event.data);
  port.onmessageerror = () => console.error('engine client: a message from the engine could not be read');
  // Chromium fires 'close' on a port whose other end went away (the engine process died).
  port.addEventListener('close', () => channel.disconnect('the engine closed its connection'));
  return channel;
}
