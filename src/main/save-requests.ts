import type { SaveResult } from '../protocol/document-files';

interface Pending<W> {
  window: W;
  resolve(saved: boolean): void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Main asking a page to save (before its window closes) and waiting for the answer. An answer
 * counts only from the window that was asked.
 */
export class SaveRequests<W> {
  private readonly pending = new Map<number, Pending<W>>();
  private nextId = 1;

  constructor(private readonly timeoutMs = 10 * 60_000) {}

  request(window: W, send: (requestId: number) => void): Promise<boolean> {
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.settle(window, { requestId, saved: false }), this.timeoutMs);
      this.pending.set(requestId, { window, resolve, timer });
      send(requestId);
    });
  }

  settle(window: W, result: SaveResult): void {
    const waiting = this.pending.get(result.requestId);
    if (!waiting || waiting.window !== window) return;
    this.pending.delete(result.requestId);
    clearTimeout(waiting.timer);
    waiting.resolve(result.saved);
  }
}
