import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { EngineRequest } from '../../src/protocol/requests';
import { PROTOCOL_VERSION } from '../../src/protocol/version';
import { EngineClientError } from '../../src/renderer/engine-client/client-error';
import { RequestChannel } from '../../src/renderer/engine-client/request-channel';
import { spawnEngineThread } from './thread-engine';

const workedExample = readFileSync(new URL('../../resources/examples/backprop-2-2-2.json', import.meta.url), 'utf8');

describe('the renderer engine client against the real engine host', () => {
  let worker: Worker;
  let client: RequestChannel;

  beforeAll(() => {
    worker = spawnEngineThread();
    client = new RequestChannel({
      kind: 'worker',
      post: (request) => worker.postMessage(request),
      close: () => void worker.terminate(),
    });
    worker.on('message', (message) => client.receive(message));
    worker.on('exit', (code) => client.disconnect(`the engine thread exited (code ${code})`));
  });

  afterAll(() => client.close());

  it('resolves typed results by id, even when several requests are in flight', async () => {
    const [hello, model, trace] = await Promise.all([
      client.request('hello', { clientVersion: PROTOCOL_VERSION }),
      client.request('load', { text: workedExample }),
      client.request('trace', { dtype: 'float64' }),
    ]);
    expect(hello.backend.active).toBe('cpu');
    expect(model.nodes).toHaveLength(6);
    expect(trace.loss).toBeCloseTo(0.298371109, 6);
  });

  it('rejects with the typed error the engine sent: code, node, path and issues', async () => {
    const model = JSON.parse(workedExample);
    model.edges.push({ from: 'loss', to: 'nowhere' });
    const error = await client.request('load', { model }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EngineClientError);
    expect(error).toMatchObject({ code: 'invalid-model', path: '$.edges[5].to' });
    expect((error as EngineClientError).issues?.length).toBeGreaterThan(0);
  });

  it('passes training progress events to listeners', async () => {
    await client.request('load', { text: workedExample });
    const steps: number[] = [];
    const stop = client.onEvent((event) => {
      if (event.type === 'train-progress') steps.push(event.step);
    });
    await client.request('train', { steps: 3, learningRate: 0.5, progressEvery: 1 });
    stop();
    expect(steps).toEqual([1, 2, 3]);
  });
});

describe('request channel failures', () => {
  function silentChannel() {
    const posted: EngineRequest[] = [];
    const channel = new RequestChannel({ kind: 'worker', post: (r) => posted.push(r), close: () => {} });
    return { channel, posted };
  }

  it('fails a request that gets no answer in time, naming the request', async () => {
    vi.useFakeTimers();
    try {
      const { channel } = silentChannel();
      const pending = channel.request('trace', {}, { timeoutMs: 2000 });
      vi.advanceTimersByTime(2000);
      await expect(pending).rejects.toMatchObject({ code: 'timeout', message: expect.stringMatching(/'trace'.*2 s/) });
    } finally {
      vi.useRealTimers();
    }
  });

  it('fails waiting and later requests with a clear reason once the engine is gone', async () => {
    const { channel, posted } = silentChannel();
    const seen: string[] = [];
    channel.onDisconnect((e) => seen.push(e.message));
    const pending = channel.request('hello', { clientVersion: 1 });
    channel.disconnect('the engine process exited (code 139)');
    await expect(pending).rejects.toMatchObject({ code: 'disconnected', message: /exited \(code 139\)/ });
    await expect(channel.request('hello', { clientVersion: 1 })).rejects.toMatchObject({ code: 'disconnected' });
    expect(seen).toEqual(['the engine process exited (code 139)']);
    expect(posted).toHaveLength(1);
  });

  it('fails a request it cannot send', async () => {
    const channel = new RequestChannel({
      kind: 'electron',
      post: () => {
        throw new Error('port is closed');
      },
      close: () => {},
    });
    await expect(channel.request('hello', { clientVersion: 1 })).rejects.toMatchObject({
      code: 'disconnected',
      message: /port is closed/,
    });
  });

  it('ignores messages that are not engine replies, and replies to nothing it asked', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { channel, posted } = silentChannel();
    const pending = channel.request('hello', { clientVersion: 1 });
    channel.receive('hello?');
    channel.receive({ kind: 'reply', id: 999, ok: true, result: {} });
    channel.receive({ kind: 'reply', id: posted[0].id, ok: true, result: { protocolVersion: 1 } });
    await expect(pending).resolves.toEqual({ protocolVersion: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });
});
