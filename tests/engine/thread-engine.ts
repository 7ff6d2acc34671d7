import { Worker } from 'node:worker_threads';
import type { EngineEvent, EngineMessage, EngineReply, OkReply } from '../../src/protocol/messages';
import type { RequestType } from '../../src/protocol/requests';
import type { ResultOf } from '../../src/protocol/results';

const threadEntry = new URL('../../src/engine/thread-entry.ts', import.meta.url).href;

/** The engine host in a worker thread, spoken to in raw protocol messages (malformed ones included). */
export interface ThreadEngine {
  /** Sends a message and resolves with the reply carrying `id`. */
  send(message: Record<string, unknown> & { id: number }): Promise<EngineReply>;
  /** Sends a message whose reply has no id of its own (the engine could not read it). */
  sendUnpaired(message: unknown): Promise<EngineReply>;
  /** Sends a request of this type with a fresh id. */
  request(type: RequestType, params?: Record<string, unknown>): Promise<EngineReply>;
  /** Sends a request and resolves with its result; an error reply throws with its code and message. */
  ok<T extends RequestType>(type: T, params?: Record<string, unknown>): Promise<ResultOf[T]>;
  events: EngineEvent[];
  stop(): Promise<void>;
}

/** The engine host (src/engine/thread-entry.ts) in a new worker thread. */
export function spawnEngineThread(): Worker {
  return new Worker(new URL('./thread-bootstrap.mjs', import.meta.url), { workerData: { entry: threadEntry } });
}

export function startThreadEngine(): ThreadEngine {
  const worker = spawnEngineThread();
  const waiting = new Map<number | null, (reply: EngineReply) => void>();
  const events: EngineEvent[] = [];
  worker.on('message', (message: EngineMessage) => {
    if (message.kind === 'event') {
      events.push(message);
      return;
    }
    const resolve = waiting.get(message.id);
    waiting.delete(message.id);
    resolve?.(message);
  });
  let failure: Error | undefined;
  const rejecters = new Set<(error: Error) => void>();
  const fail = (error: Error) => {
    failure = error;
    for (const reject of rejecters) reject(error);
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the engine thread exited with code ${code}`)));
  const reply = (key: number | null, message: unknown) =>
    new Promise<EngineReply>((resolve, reject) => {
      if (failure) return reject(failure);
      rejecters.add(reject);
      waiting.set(key, (value) => {
        rejecters.delete(reject);
        resolve(value);
      });
      worker.postMessage(message);
    });
  let nextId = 1;
  const request = (type: RequestType, params: Record<string, unknown> = {}) => {
    const id = nextId++;
    return reply(id, { id, type, ...params });
  };
  return {
    send: (message) => reply(message.id, message),
    sendUnpaired: (message) => reply(null, message),
    request,
    ok: async <T extends RequestType>(type: T, params: Record<string, unknown> = {}) => {
      const answer = await request(type, params);
      if (!answer.ok) throw new Error(`${type} failed: ${answer.error.code}: ${answer.error.message}`);
      return (answer as OkReply<T>).result;
    },
    events,
    stop: async () => {
      await worker.terminate();
    },
  };
}
