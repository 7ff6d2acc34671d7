import { useSession } from '../stores/session-context';

/** Says why the engine is unavailable and offers to start it again. */
export function EngineNotice() {
  const engine = useSession((s) => s.engine);
  const connect = useSession((s) => s.connect);
  if (engine.state !== 'failed') return null;
  return (
    <div className="notice notice-error" role="alert">
      <span>{engine.message}</span>
      <button type="button" className="button" onClick={() => void connect()}>
        Reconnect
      </button>
    </div>
  );
}
