import { transferListOf } from '../../protocol/transfer';
import type { EngineClient } from './engine-client';
import { RequestChannel } from './request-channel';

/** Starts the engine in a Web Worker (web mode) and talks to it. */
export function createWorkerEngine(): EngineClient {
  const worker = new Worker(new URL('../../engine/worker-entry.ts', import.meta.url), {
    type: 'module',
    name: 'backprop-studio-engine',
  });
  const channel = new RequestChannel({
    kind: 'worker',
    post: (request) => worker.postMessage(request, transferListOf(request)),
    close: () => worker.terminate(),
  });
  worker.onmessage = (event: MessageEvent<unknown>) => channel.receive(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    channel.disconnect(`the engine worker failed: ${event.message || 'it could not be started'}`);
  };
  return channel;
}
