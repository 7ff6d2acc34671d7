import { type EngineEvent, type EngineMessage, isEngineMessage } from '../../protocol/messages';
import type { EngineRequest, RequestParams, RequestType } from '../../protocol/requests';
import type { ResultOf } from '../../protocol/results';
import { EngineClientError } from './client-error';
import type { EngineClient, RequestOptions } from './engine-client';

/** How a channel reaches its engine; the implementations differ only here. */
export interface ChannelTransport {
  readonly kind: EngineClient['transport'];
  post(request: EngineRequest): void;
  close(): void;
}

/** A training run or search lasts as long as the user lets it (paused included): the longest timer there is. */
const UNTIL_DONE_MS = 2 ** 31 - 1;

const DEFAULT_TIMEOUT_MS: Record<RequestType, number> = {
  hello: 10_000,
  load: 60_000,
  trace: 60_000,
  step: 60_000,
  train: 600_000,
  'apply-update': 60_000,
  'train-start': UNTIL_DONE_MS,
  'train-control': 10_000,
  'dataset-preview': 60_000,
  'search-start': UNTIL_DONE_MS,
  inspect: 600_000,
  gradcheck: 300_000,
  'init-compare': 120_000,
  // Opening a GPU adapter and device can take a few seconds on first use.
  'set-backend': 60_000,
};

interface Pending {
  type: RequestType;
  resolve(result: unknown): void;
  reject(error: EngineClientError): void;
  timer: ReturnType<typeof setTimeout>;
}

/** Numbers requests, pairs replies with them by id, and fails them on timeout or disconnect. */
export class RequestChannel implements EngineClient {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly eventListeners = new Set<(event: EngineEvent) => void>();
  private readonly disconnectListeners = new Set<(error: EngineClientError) => void>();
  private failure: EngineClientError | undefined;

  constructor(private readonly link: ChannelTransport) {}

  get transport(): EngineClient['transport'] {
    return this.link.kind;
  }

  request<T extends RequestType>(
    type: T,
    params: RequestParams[T],
    options: RequestOptions = {},
  ): Promise<ResultOf[T]> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS[type];
    return new Promise<ResultOf[T]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(
          new EngineClientError({
            code: 'timeout',
            message: `the engine did not answer '${type}' within ${timeoutMs / 1000} s`,
          }),
        );
      }, timeoutMs);
      this.pending.set(id, { type, resolve: resolve as (result: unknown) => void, reject, timer });
      try {
        this.link.post({ id, type, ...params } as EngineRequest);
      } catch (e) {
        this.settle(id)?.reject(
          new EngineClientError({
            code: 'disconnected',
            message: `could not send '${type}' to the engine: ${(e as Error).message}`,
          }),
        );
      }
    });
  }

  /** Feeds a message that arrived from the engine. */
  receive(data: unknown): void {
    if (!isEngineMessage(data)) {
      console.warn('engine client: ignored a message that is not from the engine protocol', data);
      return;
    }
    this.dispatch(data);
  }

  /** The engine is gone: every waiting request and every later one fails with this reason. */
  disconnect(reason: string): void {
    if (this.failure) return;
    const failure = new EngineClientError({ code: 'disconnected', message: reason });
    this.failure = failure;
    for (const id of [...this.pending.keys()]) this.settle(id)?.reject(failure);
    for (const listener of this.disconnectListeners) listener(failure);
  }

  onEvent(listener: (event: EngineEvent) => void): () => void {
    this.eventListeners.add(listener);
    return () => this.eventListeners.delete(listener);
  }

  onDisconnect(listener: (error: EngineClientError) => void): () => void {
    this.disconnectListeners.add(listener);
    return () => this.disconnectListeners.delete(listener);
  }

  close(): void {
    this.disconnect('the engine connection was closed');
    this.link.close();
  }

  private dispatch(message: EngineMessage): void {
    if (message.kind === 'event') {
      for (const listener of this.eventListeners) listener(message);
      return;
    }
    if (!message.ok && message.id === null) {
      // The engine could not read a request's id: a bug in this client, not something to drop quietly.
      console.error('engine client: the engine rejected a request without an id', message.error);
      return;
    }
    const waiting = message.id === null ? undefined : this.settle(message.id);
    if (!waiting) return;
    if (message.ok) waiting.resolve(message.result);
    else waiting.reject(new EngineClientError(message.error));
  }

  private settle(id: number): Pending | undefined {
    const waiting = this.pending.get(id);
    if (!waiting) return undefined;
    this.pending.delete(id);
    clearTimeout(waiting.timer);
    return waiting;
  }
}
