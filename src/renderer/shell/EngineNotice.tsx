import { memo, useEffect, useRef, useState } from 'react';
import { useEngineSession } from '../engine-client/engine-context';
import { useUiStore } from '../stores/ui-store';

const RECOVERED_MS = 4000;

/**
 * Says when the engine stopped and is being restarted, offers a restart when it could not be, and
 * warns when the GPU was lost and the engine moved to the CPU.
 */
export const EngineNotice = memo(function EngineNotice() {
  const engine = useEngineSession((s) => s.engine);
  const restarts = useEngineSession((s) => s.restarts);
  const start = useEngineSession((s) => s.start);
  const warning = useEngineSession((s) => s.backendWarning);
  const dismissWarning = useEngineSession((s) => s.dismissBackendWarning);
  const showPreferences = useUiStore((s) => s.showPreferences);
  const [recovered, setRecovered] = useState(false);
  const announced = useRef(0);

  useEffect(() => {
    if (engine.state !== 'ready' || restarts === announced.current) return;
    announced.current = restarts;
    setRecovered(true);
    const timer = setTimeout(() => setRecovered(false), RECOVERED_MS);
    return () => clearTimeout(timer);
  }, [engine.state, restarts]);

  if (engine.state === 'restarting') {
    return (
      <div className="bs-notice bs-notice--busy" role="status">
        <span className="bs-notice__spinner" aria-hidden="true" />
        The engine stopped; restarting…
      </div>
    );
  }
  if (engine.state === 'failed') {
    return (
      <div className="bs-notice bs-notice--error" role="alert">
        <span>{engine.message}</span>
        <button type="button" className="bs-button bs-button--primary" onClick={() => void start()}>
          Restart engine
        </button>
      </div>
    );
  }
  if (warning) {
    return (
      <div className="bs-notice bs-notice--warn" role="alert">
        <span className="bs-notice__text">{warning}</span>
        <span className="bs-notice__actions">
          <button type="button" className="bs-button" onClick={showPreferences}>
            Preferences…
          </button>
          <button type="button" className="bs-button" onClick={dismissWarning}>
            Dismiss
          </button>
        </span>
      </div>
    );
  }
  if (recovered) {
    return (
      <div className="bs-notice bs-notice--ok" role="status">
        The engine restarted and has your graph again.
      </div>
    );
  }
  return null;
});
