import { useCallback, useContext, useSyncExternalStore } from 'react';
import type { EngineClient } from '../engine-client/engine-client';
import { EngineContext } from '../engine-client/engine-context';
import type { EngineModelState } from '../stores/session-store';

export interface InspectorEngine {
  /** Null where the editor runs without an engine (a test harness). */
  client: EngineClient | null;
  /** What the engine made of the graph. */
  model: EngineModelState['state'];
}

const noSubscription = () => () => {};

/** The engine for the inspectors, or none without an <EngineProvider>: the panels then say so instead of failing. */
export function useInspectorEngine(): InspectorEngine {
  const session = useContext(EngineContext);
  const subscribe = session?.subscribe ?? noSubscription;
  const client = useSyncExternalStore(
    subscribe,
    useCallback(() => session?.getState().client ?? null, [session]),
  );
  const model = useSyncExternalStore(
    subscribe,
    useCallback(() => session?.getState().model.state ?? 'none', [session]),
  );
  return { client, model };
}
