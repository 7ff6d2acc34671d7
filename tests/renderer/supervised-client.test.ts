import { describe, expect, it } from 'vitest';
import { emptyModel, type ModelJson } from '../../src/core/graph/model';
import type { BackendStatus } from '../../src/protocol/backend';
import type { EngineEvent } from '../../src/protocol/messages';
import type { RequestType } from '../../src/protocol/requests';
import { EngineClientError } from '../../src/renderer/engine-client/client-error';
import type { EngineConnection } from '../../src/renderer/engine-client/connect';
import type { EngineClient } from '../../src/renderer/engine-client/engine-client';
import { SupervisedClient } from '../../src/renderer/engine-client/supervised-client';
import { createSessionStore } from '../../src/renderer/stores/session-store';

const CPU: BackendStatus = { preference: 'auto', active: 'cpu', description: 'CPU (JavaScript)' };

/**
 * An engine that, like the real one, answers 'no-model' until a load has been answered; its
 * loads wait until the test lets them finish, so a request can race one.
 */
class SlowLoadEngine implements EngineClient {
  readonly transport = 'worker' as const;
  /** Each request as it arrived, and whether the engine held a model then. */
  readonly arrivals: { type: RequestType; params: unknown; hadModel: boolean }[] = [];
  private readonly pendingLoads: (() => void)[] = [];
  private readonly disconnectListeners = new Set<(error: EngineClientError) => void>();
  private hasModel = false;
  private stopped = false;

  async request(type: RequestType, params: unknown): Promise<never> {
    // The backend the session asks for before the graph: answered at once, and not what these tests race.
    if (type === 'set-backend') return CPU as never;
    this.arrivals.push({ type, params, hadModel: this.hasModel });
    if (this.stopped) throw new EngineClientError({ code: 'disconnected', message: 'gone' });
    if (type === 'load') {
      await new Promise<void>((resolve) => this.pendingLoads.push(resolve));
      if (this.stopped) throw new EngineClientError({ code: 'disconnected', message: 'gone' });
      this.hasModel = true;
      return { nodes: [], paramCount: 12, batch: 1, hasSample: true, hasTarget: true } as never;
    }
    if (!this.hasModel) throw new EngineClientError({ code: 'no-model', message: 'no model is loaded' });
    return { records: [], phase: 'forward', nextNodeId: null, loss: null, dtype: 'float64' } as never;
  }
  /** Lets the loads that arrived so far finish. */
  finishLoads(): void {
    for (const finish of this.pendingLoads.splice(0)) finish();
  }
  onEvent(_listener: (event: EngineEvent) => void): () => void {
    return () => {};
  }
  onDisconnect(listener: (error: EngineClientError) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }
  close(): void {
    this.stopped = true;
  }
  crash(): void {
    this.stopped = true;
    this.finishLoads();
    for (const l of this.disconnectListeners) l(new EngineClientError({ code: 'disconnected', message: 'crashed' }));
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 5));
const graph: ModelJson = { ...emptyModel(), name: 'graph' };

function session() {
  const engines: SlowLoadEngine[] = [];
  const store = createSessionStore({
    transport: 'worker',
    connect: async (): Promise<EngineConnection> => {
      const engine = new SlowLoadEngine();
      engines.push(engine);
      return { client: engine, hello: { protocolVersion: 1, engine: 'backprop-studio', backend: CPU } };
    },
  });
  return { store, engines, client: store.getState().client };
}

describe('requests across an engine restart', () => {
  it('holds a request that waited for the new engine until the graph is loaded into it', async () => {
    const { store, engines, client } = session();
    store.getState().load(graph);
    const starting = store.getState().start();
    await settle();
    engines[0].finishLoads();
    await starting;

    engines[0].crash();
    const step = client.request('step', { direction: 'forward' });
    await settle();
    const fresh = engines[1];
    expect(fresh.arrivals.map((a) => a.type)).toEqual(['load']);
    fresh.finishLoads();
    await expect(step).resolves.toMatchObject({ phase: 'forward' });
    expect(fresh.arrivals.map((a) => [a.type, a.hadModel])).toEqual([
      ['load', false],
      ['step', true],
    ]);
  });

  it('sends a held request on to the next engine when the one it waited for stops while loading', async () => {
    const { store, engines, client } = session();
    store.getState().load(graph);
    const starting = store.getState().start();
    await settle();
    engines[0].crash();
    const step = client.request('step', { direction: 'forward' });
    await starting;
    await settle();
    expect(engines).toHaveLength(2);
    engines[1].finishLoads();
    await expect(step).resolves.toMatchObject({ phase: 'forward' });
    expect(engines[0].arrivals.map((a) => a.type)).toEqual(['load']);
    expect(engines[1].arrivals.map((a) => a.type)).toEqual(['load', 'step']);
  });

  it('loads the graph in float64 on the CPU, for the debugger to show 9 significant digits', async () => {
    const { store, engines } = session();
    store.getState().load(graph);
    void store.getState().start();
    await settle();
    expect(engines[0].arrivals[0].params).toMatchObject({ dtype: 'float64', model: { name: 'graph' } });
  });

  it('sends a request at once, in order, while the engine holds the graph', async () => {
    const engine = new SlowLoadEngine();
    const client = new SupervisedClient('worker');
    client.attach(engine);
    await settle();
    void client.request('load', { model: graph });
    void client.request('step', { direction: 'forward' }).catch(() => {});
    expect(engine.arrivals.map((a) => a.type)).toEqual(['load', 'step']);
    client.close();
  });
});
