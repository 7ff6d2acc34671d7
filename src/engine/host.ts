import type { BackendPreference } from '../protocol/backend';
import { type EngineMessage, type EngineReply, errorReply } from '../protocol/messages';
import { EngineBackends, type GpuOpener } from './backends';
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
export interface EngineHostOptions {
  /** How this host reaches a GPU (Dawn in Node, navigator.gpu in a worker); CPU only without one. */
  openGpu?: GpuOpener;
  /** The backend preference until the client sends set-backend. */
  preference?: BackendPreference;
  resources?: EngineResources;
}

export function createEngineHost(send: (message: EngineMessage) => void, options: EngineHostOptions = {}): EngineHost {
  const backends = new EngineBackends(options.openGpu);
  const session = new EngineSession({ backends, emit: send, resources: options.resources });
  // Requests wait until the first choice of backend is made (opening a GPU takes a moment).
  const ready = backends.choose(options.preference ?? 'auto').then(
    () => undefined,
    (e) => console.error('engine: choosing a backend failed', e),
  );
  let queue: Promise<void> = ready;
  return {
    receive(data) {
      if (runsAlongside(data)) {
        void ready.then(() => session.handle(data)).then((reply) => deliver(send, reply));
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
