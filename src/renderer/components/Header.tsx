import { EngineBadge } from './EngineBadge';

export function Header() {
  return (
    <header className="header">
      <div className="header-title">
        <h1>Backprop Studio</h1>
        <p>Build a network, run it, and watch every layer compute.</p>
      </div>
      <EngineBadge />
    </header>
  );
}
