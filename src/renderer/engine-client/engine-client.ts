import type { EngineEvent } from '../../protocol/messages';
import type { RequestParams, RequestType } from '../../protocol/requests';
import type { ResultOf } from '../../protocol/results';
import type { EngineClientError } from './client-error';

export interface RequestOptions {
  /** How long to wait for the reply before failing with code 'timeout'. */
  timeoutMs?: number;
}

/**
 * The page's one way to the engine. The Electron port and the Web Worker implement it alike, so
 * nothing above this interface knows which host it runs in.
 */
export interface EngineClient {
  readonly transport: 'electron' | 'worker';
  /** Resolves with the result, or rejects with an EngineClientError. */
  request<T extends RequestType>(type: T, params: RequestParams[T], options?: RequestOptions): Promise<ResultOf[T]>;
  /** Returns a function that removes the listener. */
  onEvent(listener: (event: EngineEvent) => void): () => void;
  /**
   * Called when the engine can no longer answer (it exited, failed, or the client closed): once
   * for a plain connection, at each engine restart for the page's SupervisedClient.
   */
  onDisconnect(listener: (error: EngineClientError) => void): () => void;
  close(): void;
}
