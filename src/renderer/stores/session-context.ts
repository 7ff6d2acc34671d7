import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { SessionState, SessionStore } from './session-store';

export const SessionStoreContext = createContext<SessionStore | null>(null);

/** Reads from the page's session store; components re-render only when the selected value changes. */
export function useSession<T>(selector: (state: SessionState) => T): T {
  const store = useContext(SessionStoreContext);
  if (!store) throw new Error('useSession needs a SessionStoreContext provider');
  return useStore(store, selector);
}
