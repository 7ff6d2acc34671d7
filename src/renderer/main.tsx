import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { connectEngine } from './engine-client';
import { SessionStoreContext } from './stores/session-context';
import { createSessionStore } from './stores/session-store';
import './styles.css';

const store = createSessionStore(connectEngine);
void store.getState().connect();

window.studio?.onMenuCommand((command) => {
  if (command.type === 'open-example') void store.getState().openExample(command.fileName);
});

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <StrictMode>
    <SessionStoreContext value={store}>
      <App />
    </SessionStoreContext>
  </StrictMode>,
);
