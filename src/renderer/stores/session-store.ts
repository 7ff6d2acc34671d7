import { createStore, type StoreApi } from 'zustand/vanilla';
import type { LoadResult, TraceResult } from '../../protocol/results';
import { asClientError, type EngineClient, type EngineClientError, type EngineConnection } from '../engine-client';
import { findExample } from '../examples/examples';

export type EngineStatus =
  | { state: 'connecting' }
  | { state: 'ready'; backend: string; transport: EngineClient['transport'] }
  | { state: 'failed'; message: string };

/** A model file the user picked: an example or a local file. */
export interface ModelSource {
  label: string;
  text: string;
  /** Set when the model is one of the bundled examples. */
  exampleFileName?: string;
}

export interface SessionState {
  engine: EngineStatus;
  source?: ModelSource;
  model?: LoadResult;
  loadError?: EngineClientError;
  trace?: TraceResult;
  runError?: EngineClientError;
  busy: 'loading' | 'running' | null;
  /** Connects (again, after a failure) and reloads the current model into the new engine. */
  connect(): Promise<void>;
  openModel(source: ModelSource): Promise<void>;
  /** Opens a bundled example by file name: the example picker and the File menu both come here. */
  openExample(fileName: string): Promise<void>;
  runPass(): Promise<void>;
}

export type SessionStore = StoreApi<SessionState>;

/** The page's session with the engine: connection, loaded model and last pass. */
export function createSessionStore(connectEngine: () => Promise<EngineConnection>): SessionStore {
  let client: EngineClient | undefined;

  return createStore<SessionState>()((set, get) => ({
    engine: { state: 'connecting' },
    busy: null,

    async connect() {
      client?.close();
      client = undefined;
      set({ engine: { state: 'connecting' } });
      try {
        const connection = await connectEngine();
        client = connection.client;
        client.onDisconnect((error) => set({ engine: { state: 'failed', message: error.message }, busy: null }));
        set({
          engine: { state: 'ready', backend: connection.hello.backend, transport: connection.client.transport },
        });
      } catch (e) {
        set({ engine: { state: 'failed', message: asClientError(e).message } });
        return;
      }
      const { source } = get();
      if (source) await get().openModel(source);
    },

    async openModel(source) {
      set({ source, model: undefined, loadError: undefined, trace: undefined, runError: undefined, busy: 'loading' });
      if (!client) return set({ busy: null });
      try {
        const model = await client.request('load', { text: source.text });
        if (get().source === source) set({ model, busy: null });
      } catch (e) {
        if (get().source === source) set({ loadError: asClientError(e), busy: null });
      }
    },

    async openExample(fileName) {
      const example = findExample(fileName);
      if (example)
        await get().openModel({ label: example.title, text: example.text, exampleFileName: example.fileName });
    },

    async runPass() {
      const { source } = get();
      if (!client || !get().model) return;
      set({ busy: 'running', runError: undefined });
      try {
        const trace = await client.request('trace', {});
        if (get().source === source) set({ trace, busy: null });
      } catch (e) {
        if (get().source === source) set({ runError: asClientError(e), trace: undefined, busy: null });
      }
    },
  }));
}
