import type { EngineEvent } from '../../protocol/messages';
import type { RequestParams, RequestType } from '../../protocol/requests';
import type { ResultOf } from '../../protocol/results';
import { EngineClientError } from './client-error';
import type { EngineClient, RequestOptions } from './engine-client';

interface Waiter {
  resolve(attached: AttachedEngine): void;
  reject(error: EngineClientError): void;
}

interface AttachedEngine {
  engine: EngineClient;
  /** Settles once the engine holds the graph (its first load answered, or failed). */
  reloaded: Promise<void>;
  holdsGraph: boolean;
}

/**
 * The page's one EngineClient, for the page's whole life: it forwards to whichever engine runs
 * now. When that engine stops, requests in flight fail with 'disconnected' and onDisconnect
 * listeners hear why (each time, not once); requests made while the next engine starts wait
 * for it, and for the graph to be loaded into it: a fresh engine holds no model. Event listeners
 * stay subscribed across restarts.
 */
export class SupervisedClient implements EngineClient {
  private current: AttachedEngine | undefined;
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

  /**
   * Forwards to a newly connected engine from now on: loads at once, other requests once
   * `reloaded` settles (the graph sent to it before anything else).
   */
  attach(engine: EngineClient, reloaded: Promise<unknown> = Promise.resolve()): void {
    this.detach();
    if (this.closed) {
      engine.close();
      return;
    }
    const attached: AttachedEngine = { engine, holdsGraph: false, reloaded: Promise.resolve() };
    const holds = () => {
      attached.holdsGraph = true;
    };
    attached.reloaded = reloaded.then(holds, holds);
    this.current = attached;
    const offEvent = engine.onEvent((event) => {
      for (const listener of this.eventListeners) listener(event);
    });
    const offDisconnect = engine.onDisconnect((error) => {
      if (this.current !== attached) return;
      this.detach();
      for (const listener of this.disconnectListeners) listener(error);
    });
    this.stopForwarding = () => {
      offEvent();
      offDisconnect();
    };
    for (const waiter of this.waiting.splice(0)) waiter.resolve(attached);
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
    if (type === 'load' || type === 'hello') {
      return (this.current ?? (await this.nextEngine())).engine.request(type, params, options);
    }
    this.beforeRequest?.(type);
    // Sent at once when nothing is pending, so requests keep the order they were made in.
    const engine = this.current?.holdsGraph ? this.current.engine : await this.engineHoldingGraph();
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
    const engine = this.current?.engine;
    this.detach();
    engine?.close();
    this.failWaiting(this.closed);
  }

  private detach(): void {
    this.stopForwarding?.();
    this.stopForwarding = undefined;
    this.current = undefined;
  }

  /** The engine once its graph is loaded; one that stops while loading gives way to the next. */
  private async engineHoldingGraph(): Promise<EngineClient> {
    for (;;) {
      const attached = this.current ?? (await this.nextEngine());
      await attached.reloaded;
      if (this.current === attached) return attached.engine;
    }
  }

  private nextEngine(): Promise<AttachedEngine> {
    if (this.closed) return Promise.reject(this.closed);
    return new Promise((resolve, reject) => this.waiting.push({ resolve, reject }));
  }
}
