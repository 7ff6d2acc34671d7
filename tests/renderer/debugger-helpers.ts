import { EngineBackends } from '../../src/engine/backends';
import { EngineSession } from '../../src/engine/session';
import type { RequestParams, RequestType } from '../../src/protocol/requests';
import type { ResultOf } from '../../src/protocol/results';
import { EngineClientError } from '../../src/renderer/engine-client/client-error';
import type { EngineClient } from '../../src/renderer/engine-client/engine-client';

/** An EngineClient over an engine session in this thread: real results without a worker. */
export interface InProcessClient extends EngineClient {
  /** Every request type sent, in order. */
  sent: RequestType[];
  /** Fails every later request with this message (a crashed engine). */
  failWith(message: string | null): void;
}

export function inProcessClient(): InProcessClient {
  const session = new EngineSession({ backends: new EngineBackends() });
  let nextId = 1;
  let failure: string | null = null;
  const sent: RequestType[] = [];
  return {
    transport: 'worker',
    sent,
    failWith(message) {
      failure = message;
    },
    async request<T extends RequestType>(type: T, params: RequestParams[T]): Promise<ResultOf[T]> {
      sent.push(type);
      if (failure) throw new EngineClientError({ code: 'disconnected', message: failure });
      const reply = await session.handle({ id: nextId++, type, ...params });
      if (!reply.ok) throw new EngineClientError(reply.error);
      return reply.result as ResultOf[T];
    },
    onEvent: () => () => {},
    onDisconnect: () => () => {},
    close() {},
  };
}
