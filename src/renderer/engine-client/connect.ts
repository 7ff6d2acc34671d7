import type { HelloResult } from '../../protocol/results';
import { PROTOCOL_VERSION } from '../../protocol/version';
import { EngineClientError } from './client-error';
import type { EngineClient } from './engine-client';

export interface EngineConnection {
  client: EngineClient;
  hello: HelloResult;
}

/** Connects to the engine of this host (Electron's process when the preload bridge exists, else a Web Worker). */
export async function connectEngine(): Promise<EngineConnection> {
  const client = window.studio
    ? await (await import('./message-port-client')).connectElectronEngine(window.studio)
    : (await import('./worker-client')).createWorkerEngine();
  const hello = await client.request('hello', { clientVersion: PROTOCOL_VERSION });
  if (hello.protocolVersion !== PROTOCOL_VERSION) {
    client.close();
    throw new EngineClientError({
      code: 'version-mismatch',
      message: `the engine speaks protocol ${hello.protocolVersion} but this page speaks ${PROTOCOL_VERSION}`,
    });
  }
  return { client, hello };
}
