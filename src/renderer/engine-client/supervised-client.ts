import type { EngineEvent } from '../../protocol/messages';
import type { RequestParams, RequestType } from '../../protocol/requests';
import type { ResultOf } from '../../protocol/results';
import { EngineClientError } from './client-error';
import type { EngineClient, RequestOptions } from './engine-client';

interface Waiter {
  resolve(client: EngineClient): void;
  reject(error: EngineClientError): void;
}

/**
 * The page's one EngineClient, for the page's whole life: it forwards to whichever engine runs
 * now. When that engine stops, requests in flight fail with 'disconnected' and onDisconnect
 * listeners hear why (each time, not once); requests made while the next engine starts wait
 * for it. Event listeners stay subscribed across restarts.
 */
export class SupervisedClient implements EngineClient {
  private current: EngineClient | undefined;
  private stopForwarding: (() => void) | undefined;
  private waiting: Waiter[] = [];
  private closed: EngineClientError | undefined;
  private readonly eventListeners = new Set<(event: EngineEvent) => void>();
  private readonly disconnectListeners = new Set<(error: EngineClientError) => void>();

  constructor(
    readonly transport: EngineClient['transport'],
    /** Runs before each request other than load and hello, before it is sent. */
    private readonly beforeRequest?: (type: RequestType) => void,
  ) {}

  /** Forwards to a newly connected engine from now on. */
  attach(engine: EngineClient): void {
    this.detach();
    if (this.closed) {
      engine.close();
      return;
    }
    this.current = engine;
    const offEvent = engine.onEvent((event) => {
      for (const listener of this.eventListeners) listener(event);
    });
    const offDisconnect = engine.onDisconnect((error) => {
      if (this.current !== engine) return;
      this.detach();
      for (const listener of this.disconnectListeners) listener(error);
    });
    this.stopForwarding = () => {
      offEvent();
      offDisconnect();
    };
    for (const waiter of this.waiting.splice(0)) waiter.resolve(engine);
  }

  /** No engine is coming (starting one failed): requests waiting for one fail with this. */
  failWaiting(error: EngineClientError): void {
    for (const waiter of this.waiting.splice(0)) waiter.reject(error);
  }

  async request<T extends RequestType>(
    type: T,
    params: RequestParams[T],
    options?: RequestOptions,
  ): Promise<ResultOf[T]> {
    if (type !== 'load' && type !== 'hello') this.beforeRequest?.(type);
    const engine = this.current ?? (await this.nextEngine());
    return engine.request(type, params, options);
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
    if (this.closed) return;
    this.closed = new EngineClientError({ code: 'disconnected', message: 'the engine connection was closed' });
    const engine = this.current;
    this.detach();
    engine?.close();
    this.failWaiting(this.closed);
  }

  private detach(): void {
    this.stopForwarding?.();
    this.stopForwarding = undefined;
    this.current = undefined;
  }

  private nextEngine(): Promise<EngineClient> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
}
