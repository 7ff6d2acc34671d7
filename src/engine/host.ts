import { type Backend, createCpuBackend } from '../core';
import { type EngineMessage, type EngineReply, errorReply } from '../protocol/messages';
import { EngineSession } from './session';
import type { EngineResources } from './training-data';
import { runsAlongside } from './training-schemas';

/** The transport side of an engine: each entry point feeds it what arrives and gives it a way to send. */
export interface EngineHost {
  receive(data: unknown): void;
}

/**
 * A session behind one connection. Requests are handled one after another, in arrival order,
 * so a step never interleaves with a sample-training request. Training runs (train-start,
 * search-start) and their controls go alongside the queue: a run yields while it trains, so
 * loads and steps still get their turn and a stop reaches it at once.
 */
export function createEngineHost(
  send: (message: EngineMessage) => void,
  backend: Backend = createCpuBackend(),
  resources?: EngineResources,
): EngineHost {
  const session = new EngineSession({ backend, emit: send, resources });
  let queue: Promise<void> = Promise.resolve();
  return {
    receive(data) {
      if (runsAlongside(data)) {
        void session.handle(data).then((reply) => deliver(send, reply));
        return;
      }
      queue = queue.then(async () => deliver(send, await session.handle(data)));
    },
  };
}

function deliver(send: (message: EngineMessage) => void, reply: EngineReply): void {
  try {
    send(reply);
  } catch (e) {
    // A reply that cannot be cloned still owes its request an answer.
    try {
      send(errorReply(reply.id, { code: 'internal', message: `the reply could not be sent: ${(e as Error).message}` }));
    } catch (again) {
      console.error('engine: could not send a reply', again);
    }
  }
}
