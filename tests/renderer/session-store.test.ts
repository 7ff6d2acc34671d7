import { describe, expect, it } from 'vitest';
import { emptyModel, type ModelJson } from '../../src/core/graph/model';
import type { EngineEvent } from '../../src/protocol/messages';
import type { RequestType } from '../../src/protocol/requests';
import { EngineClientError } from '../../src/renderer/engine-client/client-error';
import type { EngineConnection } from '../../src/renderer/engine-client/connect';
import type { EngineClient } from '../../src/renderer/engine-client/engine-client';
import { createSessionStore } from '../../src/renderer/stores/session-store';

/** An engine that answers load with a summary, or with invalid-model for a model named 'bad'. */
class FakeEngine implements EngineClient {
  readonly transport = 'worker' as const;
  readonly requests: { type: RequestType; params: unknown }[] = [];
  private readonly disconnectListeners = new Set<(error: EngineClientError) => void>();
  closed = false;

  async request(type: RequestType, params: unknown): Promise<never> {
    this.requests.push({ type, params });
    if (this.closed) throw new EngineClientError({ code: 'disconnected', message: 'gone' });
    const model = (params as { model?: ModelJson }).model;
    if (type === 'load' && model?.name === 'bad') {
      throw new EngineClientError({ code: 'invalid-model', message: 'the model has no input node' });
    }
    return { nodes: [], paramCount: 12, batch: 1, hasSample: true, hasTarget: true } as never;
  }
  onEvent(_listener: (event: EngineEvent) => void): () => void {
    return () => {};
  }
  onDisconnect(listener: (error: EngineClientError) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }
  close(): void {
    this.closed = true;
  }
  crash(): void {
    this.closed = true;
    for (const l of this.disconnectListeners) l(new EngineClientError({ code: 'disconnected', message: 'crashed' }));
  }
}

function setup(failures = 0) {
  const engines: FakeEngine[] = [];
  let toFail = failures;
  const session = createSessionStore({
    transport: 'worker',
    retryDelayMs: 1,
    connect: async (): Promise<EngineConnection> => {
      if (toFail-- > 0) throw new Error('no worker');
      const engine = new FakeEngine();
      engines.push(engine);
      return {
        client: engine,
        hello: { protocolVersion: 1, engine: 'backprop-studio', backend: 'cpu' },
        kill: () => engine.crash(),
      } as EngineConnection;
    },
  });
  const settle = () => new Promise((resolve) => setTimeout(resolve, 10));
  return { session, engines, settle, state: () => session.getState() };
}

const named = (name: string): ModelJson => ({ ...emptyModel(), name });
const loads = (engine: FakeEngine) =>
  engine.requests.filter((r) => r.type === 'load').map((r) => (r.params as { model: ModelJson }).model.name);

describe('engine session', () => {
  it('starts the engine and sends it the graph it was given before it was ready', async () => {
    const { session, engines, settle, state } = setup();
    session.getState().load(named('first'));
    expect(state().model.state).toBe('loading');
    await session.getState().start();
    await settle();
    expect(state().engine).toEqual({ state: 'ready', backend: 'cpu' });
    expect(loads(engines[0])).toEqual(['first']);
    expect(state().model).toMatchObject({ state: 'loaded', summary: { paramCount: 12 } });
    expect(state().modelRevision).toBe(1);
  });

  it('keeps an invalid model as its typed error, and stays ready', async () => {
    const { session, settle, state } = setup();
    await session.getState().start();
    session.getState().load(named('bad'));
    await settle();
    expect(state().engine.state).toBe('ready');
    expect(state().model).toMatchObject({ state: 'error', error: { code: 'invalid-model' } });
  });

  it('restarts a crashed engine and reloads the latest graph into it, with no edit lost', async () => {
    const { session, engines, settle, state } = setup();
    await session.getState().start();
    session.getState().load(named('v1'));
    session.getState().load(named('v2'));
    await settle();
    const seen: string[] = [];
    const stop = session.subscribe((s) => seen.push(s.engine.state));
    expect(session.getState().kill()).toBe(true);
    await settle();
    stop();
    expect(seen).toContain('restarting');
    expect(state().engine.state).toBe('ready');
    expect(state().restarts).toBe(1);
    expect(engines).toHaveLength(2);
    expect(loads(engines[1])).toEqual(['v2']);
    expect(state().model.state).toBe('loaded');
  });

  it('keeps one client across restarts: a request made while restarting goes to the new engine', async () => {
    const { session, engines, settle, state } = setup();
    await session.getState().start();
    const client = state().client;
    const disconnects: string[] = [];
    client.onDisconnect((e) => disconnects.push(e.message));
    engines[0].crash();
    const answer = client.request('step', { direction: 'forward' });
    await settle();
    await answer;
    expect(state().client).toBe(client);
    expect(disconnects).toEqual(['crashed']);
    expect(engines[1].requests.map((r) => r.type)).toContain('step');
  });

  it('retries a failed start, then gives up with a message and starts again on request', async () => {
    const flaky = setup(1);
    await flaky.session.getState().start();
    expect(flaky.state().engine.state).toBe('ready');

    const broken = setup(3);
    await broken.session.getState().start();
    expect(broken.state().engine).toEqual({ state: 'failed', message: 'The engine could not start: no worker' });
    await broken.session.getState().start();
    expect(broken.state().engine.state).toBe('ready');
  });

  it('stops restarting an engine that keeps crashing before it answers', async () => {
    const { session, engines, settle, state } = setup();
    await session.getState().start();
    for (let i = 0; i < 4; i++) {
      engines[engines.length - 1].crash();
      await settle();
    }
    expect(state().engine.state).toBe('failed');
    expect(state().engine).toMatchObject({ message: expect.stringMatching(/stopped 4 times in a row/) });
  });

  it('flushes pending edits before other requests, not before loads', async () => {
    const flushed: RequestType[] = [];
    const session = createSessionStore({
      transport: 'worker',
      beforeRequest: (type) => flushed.push(type),
      connect: async () => ({
        client: new FakeEngine(),
        hello: { protocolVersion: 1, engine: 'backprop-studio', backend: 'cpu' },
      }),
    });
    await session.getState().start();
    session.getState().load(named('x'));
    await session.getState().client.request('trace', {});
    expect(flushed).toEqual(['trace']);
  });
});
