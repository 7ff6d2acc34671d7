import { describe, expect, it } from 'vitest';
import type { RequestType } from '../../src/protocol/requests';
import { createSessionStore } from '../../src/renderer/stores/session-store';
import { cpuStatus, FakeEngine, fakeSession, loads, named } from './fake-engine';

const setup = (failures = 0) => fakeSession({ failures });

describe('engine session', () => {
  it('starts the engine and sends it the graph it was given before it was ready', async () => {
    const { session, engines, settle, state } = setup();
    session.getState().load(named('first'));
    expect(state().model.state).toBe('loading');
    await session.getState().start();
    await settle();
    expect(state().engine).toEqual({ state: 'ready', backend: cpuStatus('auto', 'no WebGPU adapter is available') });
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
        hello: { protocolVersion: 1, engine: 'backprop-studio', backend: cpuStatus() },
      }),
    });
    await session.getState().start();
    session.getState().load(named('x'));
    await session.getState().client.request('trace', {});
    expect(flushed).toEqual(['trace']);
  });
});
