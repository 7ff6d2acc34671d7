import { readFileSync } from 'node:fs';
import type { ModelJson } from '../../src/core/graph/model';
import { EngineBackends } from '../../src/engine/backends';
import { EngineSession } from '../../src/engine/session';
import { diskResources } from '../../src/engine/training-files';
import type { EngineEvent } from '../../src/protocol/messages';
import type { RequestParams, RequestType } from '../../src/protocol/requests';
import type { ResultOf } from '../../src/protocol/results';
import { EngineClientError } from '../../src/renderer/engine-client/client-error';
import type { EngineClient } from '../../src/renderer/engine-client/engine-client';

export const exampleModel = (name: string): ModelJson =>
  JSON.parse(readFileSync(new URL(`../../resources/examples/${name}.json`, import.meta.url), 'utf8'));

export const exampleFile = (name: string): string =>
  readFileSync(new URL(`../../resources/examples/${name}.json`, import.meta.url), 'utf8');

/** An EngineClient over a session in this thread that delivers events, as the worker does. */
export function eventingClient(): EngineClient {
  const listeners = new Set<(event: EngineEvent) => void>();
  const session = new EngineSession({
    backends: new EngineBackends(),
    emit: (event) => {
      for (const listener of listeners) listener(event);
    },
    resources: diskResources(new URL('../../', import.meta.url)),
  });
  let nextId = 1;
  return {
    transport: 'worker',
    async request<T extends RequestType>(type: T, params: RequestParams[T]): Promise<ResultOf[T]> {
      const reply = await session.handle({ id: nextId++, type, ...params });
      if (!reply.ok) throw new EngineClientError(reply.error);
      return reply.result as ResultOf[T];
    },
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    onDisconnect: () => () => {},
    close() {},
  };
}

export async function until(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
