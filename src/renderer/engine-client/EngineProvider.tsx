import type { ReactNode } from 'react';
import type { SessionStore } from '../stores/session-store';
import { EngineContext } from './engine-context';

/** Gives the components below it the engine session: useEngineClient() and useEngineSession(). */
export function EngineProvider({ session, children }: { session: SessionStore; children: ReactNode }) {
  return <EngineContext value={session}>{children}</EngineContext>;
}
