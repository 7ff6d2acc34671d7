import type { HelloResult } from '../../protocol/results';
import { PROTOCOL_VERSION } from '../../protocol/version';
import { EngineClientError } from './client-error';
import type { EngineClient } from './engine-client';

export interface EngineConnection {
  client: EngineClient;
  hello: HelloResult;
  /** Ends the engine abruptly, as a crash would (web mode only: a test hook). */
  kill?(): void;
}

/** Where this page's engine runs: Electron's utility process when the preload bridge exists, else a Web Worker. */
export function engineTransport(): EngineClient['transport'] {
  return window.studio ? 'electron' : 'worker';
}

/** Starts or reaches the engine of this host and checks that it speaks this page's protocol. */
export async function connectEngine(): Promise<EngineConnection> {
  let client: EngineClient;
  let kill: (() => void) | undefined;
  if (window.studio) {
    client = await (await import('./message-port-client')).connectElectronEngine(window.studio);
  } else {
    const worker = (await import('./worker-client')).createWorkerEngine();
    client = worker.client;
    kill = worker.kill;
  }
  let hello: HelloResult;
  try {
    hello = await client.request('hello', { clientVersion: PROTOCOL_VERSION });
  } catch (e) {
    client.close();
    throw e;
  }
  if (hello.protocolVersion !== PROTOCOL_VERSION) {
    client.close();
    throw new EngineClientError({
      code: 'version-mismatch',
      message: `the engine speaks protocol ${hello.protocolVersion} but this page speaks ${PROTOCOL_VERSION}`,
    });
  }
  return { client, hello, kill };
}
