import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectEngine, engineTransport } from './engine-client';
import { browserHost } from './shell/browser-host';
import { desktopHost } from './shell/desktop-host';
import { syncModelToEngine } from './shell/engine-model-sync';
import { StudioApp } from './shell/StudioApp';
import { localPreferences } from './stores/backend-preference';
import { useGraphStore } from './stores/graph-store';
import { createSessionStore } from './stores/session-store';

const session = createSessionStore({
  connect: connectEngine,
  transport: engineTransport(),
  beforeRequest: () => modelSync.flush(),
  preferences: localPreferences,
});
const host = window.studio ? desktopHost(window.studio) : browserHost();

// The engine follows the graph: the graph store is the document, the engine a copy it can lose.
const modelSync = syncModelToEngine(
  {
    current: () => useGraphStore.getState().model,
    subscribe: (listener) =>
      useGraphStore.subscribe((state, previous) => {
        if (state.model !== previous.model) listener(state.model);
      }),
  },
  (model) => session.getState().load(model),
);
void session.getState().start();

if (import.meta.env.DEV) {
  // For end-to-end tests: end the engine as a crash would. Not in production builds.
  window.__studio = { killEngine: () => session.getState().kill() };
}

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <StudioApp session={session} host={host} />
  </StrictMode>,
);
