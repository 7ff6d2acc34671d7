import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SessionState, SessionStore } from '../stores/session-store';
import type { EngineClient } from './engine-client';

export const EngineContext = createContext<SessionStore | null>(null);

/** The session store itself, for code that calls its actions outside render (a dialog's choice). */
export function useSessionStore(): SessionStore {
  const store = useContext(EngineContext);
  if (!store) throw new Error('engine hooks need an <EngineProvider> above them');
  return store;
}

/** The page's engine client: one object for the page's life, whichever engine runs behind it. */
export function useEngineClient(): EngineClient {
  return useStore(useSessionStore(), (s) => s.client);
}

/** Reads the engine session (status, what it made of the graph); re-renders when the selection changes. */
export function useEngineSession<T>(selector: (state: SessionState) => T): T {
  return useStore(useSessionStore(), selector);
}
