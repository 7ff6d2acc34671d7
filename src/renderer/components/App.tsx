import { EngineNotice } from './EngineNotice';
import { Header } from './Header';
import { ModelToolbar } from './ModelToolbar';
import { ModelView } from './ModelView';

export function App() {
  return (
    <div className="app">
      <Header />
      <main className="content">
        <ModelToolbar />
        <EngineNotice />
        <ModelView />
      </main>
    </div>
  );
}
