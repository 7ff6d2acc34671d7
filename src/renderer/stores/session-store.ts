import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelJson } from '../../core/graph/model';
import type { DType } from '../../core/tensor/tensor';
import type { RequestType } from '../../protocol/requests';
import type { LoadResult } from '../../protocol/results';
import {
  asClientError,
  type EngineClient,
  type EngineClientError,
  type EngineConnection,
  SupervisedClient,
} from '../engine-client';

export type EngineStatus =
  | { state: 'starting' }
  | { state: 'ready'; backend: string }
  /** The engine stopped; a new one is starting and will get the current graph. */
  | { state: 'restarting'; reason: string }
  | { state: 'failed'; message: string };

/** What the engine made of the graph it was last sent. */
export type EngineModelState =
  | { state: 'none' }
  | { state: 'loading' }
  | { state: 'loaded'; summary: LoadResult }
  /** The engine refused it (an invalid model gives its typed error) or did not answer. */
  | { state: 'error'; error: EngineClientError };

export interface SessionState {
  /** The page's one client: the same object across engine restarts. */
  client: EngineClient;
  engine: EngineStatus;
  model: EngineModelState;
  /** Engines started after one stopped. */
  restarts: number;
  /** Bumped each time the engine answers a load: whatever it held before (a stepped pass) is gone. */
  modelRevision: number;
  /** Starts the engine; after a failure, tries again. */
  start(): Promise<void>;
  /** Sends the graph to the engine, now or as soon as one is running. */
  load(model: ModelJson): void;
  /** Test hook: ends the engine abruptly, as a crash would; false where the host cannot. */
  kill(): boolean;
  close(): void;
}

export type SessionStore = StoreApi<SessionState>;

const START_ATTEMPTS = 3;
/** Engines that stop before answering a single load: more than this in a row and the page gives up. */
const MAX_CRASHES_IN_A_ROW = 3;

/**
 * The dtype the engine computes the graph in. On the CPU float64 costs little and gives the
 * worked examples' textbook digits (9 significant); a GPU backend stays in float32.
 */
export function loadDtype(backend: string): DType {
  return backend === 'cpu' ? 'float64' : 'float32';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * The page's session with the engine. It keeps an engine running: when one stops it starts
 * another and sends it the graph it was last given, so no edit is lost (the graph itself lives
 * in the graph store, which this store never reads).
 */
export interface SessionOptions {
  connect(): Promise<EngineConnection>;
  transport: EngineClient['transport'];
  /** Runs before each request other than load (sends an edit still waiting to be loaded). */
  beforeRequest?(type: RequestType): void;
  retryDelayMs?: number;
}

export function createSessionStore({
  connect,
  transport,
  beforeRequest,
  retryDelayMs = 400,
}: SessionOptions): SessionStore {
  const client = new SupervisedClient(transport, beforeRequest);
  let connection: EngineConnection | undefined;
  let latest: ModelJson | undefined;
  let loadSeq = 0;
  let crashesInARow = 0;
  let closed = false;
  let starting: Promise<void> | undefined;
  /** The running engine's first load: the start is over once the engine holds the graph. */
  let reloaded: Promise<void> = Promise.resolve();

  return createStore<SessionState>()((set, get) => {
    /** Sends the graph through the page's client, or straight to an engine not yet attached to it. */
    async function sendLoad(model: ModelJson, backend: string, engine: EngineClient = client): Promise<void> {
      const seq = ++loadSeq;
      set({ model: { state: 'loading' } });
      try {
        const summary = await engine.request('load', { model, dtype: loadDtype(backend) });
        crashesInARow = 0;
        if (seq === loadSeq) set((s) => ({ model: { state: 'loaded', summary }, modelRevision: s.modelRevision + 1 }));
      } catch (e) {
        const error = asClientError(e);
        // The engine stopped under the request: the next one is sent the graph when it starts.
        if (error.code === 'disconnected') return;
        if (error.code !== 'timeout') crashesInARow = 0;
        if (seq === loadSeq) set((s) => ({ model: { state: 'error', error }, modelRevision: s.modelRevision + 1 }));
      }
    }

    async function connectWithRetries(): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        try {
          const opened = await connect();
          if (closed) return opened.client.close();
          connection = opened;
          const { backend } = opened.hello;
          // Requests that waited for this engine go once it holds the graph, or they would find no model.
          reloaded = latest ? sendLoad(latest, backend, opened.client) : Promise.resolve();
          client.attach(opened.client, reloaded);
          set({ engine: { state: 'ready', backend } });
          // Not awaited here: an engine that stops while loading must be able to start the next one.
          return;
        } catch (e) {
          const error = asClientError(e);
          if (closed) return;
          if (attempt >= START_ATTEMPTS) {
            client.failWaiting(error);
            set({ engine: { state: 'failed', message: `The engine could not start: ${error.message}` } });
            return;
          }
          await delay(retryDelayMs * attempt);
        }
      }
    }

    function begin(): Promise<void> {
      starting ??= connectWithRetries().finally(() => {
        starting = undefined;
      });
      return starting;
    }

    client.onDisconnect((error) => {
      connection = undefined;
      if (closed) return;
      crashesInARow++;
      if (crashesInARow > MAX_CRASHES_IN_A_ROW) {
        client.failWaiting(error);
        set({
          engine: { state: 'failed', message: `The engine stopped ${crashesInARow} times in a row: ${error.message}` },
        });
        return;
      }
      set((s) => ({
        engine: { state: 'restarting', reason: error.message },
        model: latest ? { state: 'loading' } : { state: 'none' },
        restarts: s.restarts + 1,
      }));
      void begin();
    });

    return {
      client,
      engine: { state: 'starting' },
      model: { state: 'none' },
      restarts: 0,
      modelRevision: 0,
      async start() {
        if (closed || get().engine.state === 'ready') return;
        if (!starting) {
          crashesInARow = 0;
          set({ engine: { state: 'starting' } });
        }
        await begin();
        await reloaded;
      },
      load(model) {
        latest = model;
        const { engine } = get();
        if (engine.state === 'ready') void sendLoad(model, engine.backend);
        // Loaded once an engine runs; none runs after a failure until the user restarts it.
        else if (engine.state !== 'failed') set({ model: { state: 'loading' } });
      },
      kill() {
        if (!connection?.kill) return false;
        connection.kill();
        return true;
      },
      close() {
        closed = true;
        client.close();
      },
    };
  });
}
