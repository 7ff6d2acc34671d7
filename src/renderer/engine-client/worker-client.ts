import { transferListOf } from '../../protocol/transfer';
import type { EngineClient } from './engine-client';
import { RequestChannel } from './request-channel';

export interface WorkerEngine {
  client: EngineClient;
  /** Ends the worker the way a crash would: the client reports the engine gone. */
  kill(): void;
}

/** Starts the engine in a Web Worker (web mode) and talks to it. */
export function createWorkerEngine(): WorkerEngine {
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
  worker.onmessageerror = () => channel.disconnect('the engine worker sent a message that could not be read');
  worker.onerror = (event) => {
    event.preventDefault();
    worker.terminate();
    channel.disconnect(`the engine worker failed: ${event.message || 'it could not be started'}`);
  };
  return {
    client: channel,
    kill() {
      worker.terminate();
      channel.disconnect('the engine worker was terminated');
    },
  };
}
