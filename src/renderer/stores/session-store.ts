import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ModelJson } from '../../core/graph/model';
import type { DType } from '../../core/tensor/tensor';
import type { BackendPreference, BackendStatus } from '../../protocol/backend';
import type { RequestType } from '../../protocol/requests';
import type { LoadResult } from '../../protocol/results';
import {
  asClientError,
  type EngineClient,
  type EngineClientError,
  type EngineConnection,
  SupervisedClient,
} from '../engine-client';
import { memoryPreferences, type PreferenceStorage } from './backend-preference';

export type EngineStatus =
  | { state: 'starting' }
  | { state: 'ready'; backend: BackendStatus }
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
  /** The compute backend the user chose; kept across visits and sent to every engine after hello. */
  backendPreference: BackendPreference;
  /** The preference the running engine is switching to (opening a GPU can take seconds); null otherwise. */
  backendSwitching: BackendPreference | null;
  /** Why the engine left the GPU on its own (the device was lost), until dismissed or the user chooses again. */
  backendWarning: string | null;
  /** Bumped each time the engine moves to another backend: the graph is reloaded and a stepped pass starts over. */
  backendRevision: number;
  /** Starts the engine; after a failure, tries again. */
  start(): Promise<void>;
  /** Sends the graph to the engine, now or as soon as one is running. */
  load(model: ModelJson): void;
  /**
   * Keeps the preference and applies it: the engine opens (or puts away) the GPU, then gets the
   * graph again in the dtype of the backend it ended on. Resolves with the engine's new status,
   * or null when no engine runs now (the next one to start is sent the preference).
   */
  setBackend(preference: BackendPreference): Promise<BackendStatus | null>;
  dismissBackendWarning(): void;
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
export function loadDtype(backend: BackendStatus['active']): DType {
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
  /** Where the backend preference is kept; in memory when absent. */
  preferences?: PreferenceStorage;
  retryDelayMs?: number;
}

export function createSessionStore({
  connect,
  transport,
  beforeRequest,
  preferences = memoryPreferences(),
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
    async function sendLoad(
      model: ModelJson,
      backend: BackendStatus['active'],
      engine: EngineClient = client,
    ): Promise<void> {
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

    /**
     * Sends the preference to an engine that has just said hello, again if the user chose another
     * meanwhile. An engine that refuses keeps the backend it reported in hello.
     */
    async function choosePreferred(engine: EngineClient, reported: BackendStatus): Promise<BackendStatus> {
      for (;;) {
        const preference = get().backendPreference;
        let status: BackendStatus;
        try {
          status = await engine.request('set-backend', { preference });
        } catch (e) {
          const error = asClientError(e);
          if (error.code === 'disconnected') throw error;
          return reported;
        }
        if (preference === get().backendPreference) return status;
      }
    }

    /** The engine is on another backend now: reload the graph in that backend's dtype. */
    function movedTo(backend: BackendStatus, warning: string | null): void {
      if (get().engine.state !== 'ready') return;
      set((s) => ({
        engine: { state: 'ready', backend },
        backendWarning: warning,
        backendRevision: s.backendRevision + 1,
      }));
      if (latest) void sendLoad(latest, backend.active);
    }

    async function connectWithRetries(): Promise<void> {
      for (let attempt = 1; ; attempt++) {
        try {
          const opened = await connect();
          if (closed) return opened.client.close();
          connection = opened;
          const backend = await choosePreferred(opened.client, opened.hello.backend);
          if (closed) return opened.client.close();
          // Requests that waited for this engine go once it holds the graph, or they would find no model.
          reloaded = latest ? sendLoad(latest, backend.active, opened.client) : Promise.resolve();
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

    // The GPU went away: the engine moved to the CPU with the graph; it is reloaded there in float64.
    client.onEvent((event) => {
      if (event.type === 'backend-changed') movedTo(event.status, event.message);
    });

    return {
      client,
      engine: { state: 'starting' },
      model: { state: 'none' },
      restarts: 0,
      modelRevision: 0,
      backendPreference: preferences.read(),
      backendSwitching: null,
      backendWarning: null,
      backendRevision: 0,
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
        if (engine.state === 'ready') void sendLoad(model, engine.backend.active);
        // Loaded once an engine runs; none runs after a failure until the user restarts it.
        else if (engine.state !== 'failed') set({ model: { state: 'loading' } });
      },
      async setBackend(preference) {
        preferences.write(preference);
        set({ backendPreference: preference });
        if (get().engine.state !== 'ready') return null;
        set({ backendSwitching: preference });
        try {
          const status = await client.request('set-backend', { preference });
          // A later choice wins: its own answer moves the session.
          if (preference === get().backendPreference) movedTo(status, null);
          return status;
        } finally {
          if (get().backendSwitching === preference) set({ backendSwitching: null });
        }
      },
      dismissBackendWarning() {
        set({ backendWarning: null });
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
