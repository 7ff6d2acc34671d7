import type { ModelJson } from '../../core/graph/model';
import { sameComputation } from '../debugger';

export interface ModelSource {
  current(): ModelJson;
  /** Calls the listener with each new model; returns a function that stops. */
  subscribe(listener: (model: ModelJson) => void): () => void;
}

export interface ModelSync {
  /** Sends an edit still waiting for its pause now: a request about to run must see the graph on screen. */
  flush(): void;
  stop(): void;
}

/**
 * Sends the graph to the engine as it is edited: at once, then after each pause in the editing.
 * An edit that changes nothing the engine computes (a move, a rename) sends nothing, so a pass
 * being stepped survives it; the rule is the debugger's own, so the two never disagree about
 * whether the pass starts over.
 */
export function syncModelToEngine(source: ModelSource, load: (model: ModelJson) => void, delayMs = 200): ModelSync {
  let sent = source.current();
  let waiting: ModelJson | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  function flush(): void {
    clearTimeout(timer);
    const model = waiting;
    waiting = undefined;
    if (!model || sameComputation(sent, model)) return;
    sent = model;
    load(model);
  }
  load(sent);
  const unsubscribe = source.subscribe((model) => {
    waiting = model;
    clearTimeout(timer);
    timer = setTimeout(flush, delayMs);
  });
  return {
    flush,
    stop() {
      clearTimeout(timer);
      unsubscribe();
    },
  };
}
