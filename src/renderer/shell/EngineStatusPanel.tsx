import { memo, type ReactNode } from 'react';
import { useEngineSession } from '../engine-client/engine-context';
import { precisionText, whyNotGpu } from './backend-text';

/** In the Preferences dialog: what the engine computes on now, or the change under way. */
export const EngineStatusPanel = memo(function EngineStatusPanel() {
  const engine = useEngineSession((s) => s.engine);
  const switching = useEngineSession((s) => s.backendSwitching);
  let body: ReactNode;
  if (switching) {
    body = (
      <p className="bs-prefs__progress">
        <span className="bs-notice__spinner" aria-hidden="true" />
        {switching === 'cpu' ? 'Moving the model to the CPU…' : 'Opening the GPU… this can take a few seconds.'}
      </p>
    );
  } else if (engine.state !== 'ready') {
    const now = engine.state === 'failed' ? 'The engine has stopped' : 'The engine is starting';
    body = <p className="bs-prefs__progress">{now}; your choice applies as soon as it runs.</p>;
  } else {
    const why = whyNotGpu(engine.backend);
    body = (
      <dl className="bs-prefs__facts">
        <dt>In use</dt>
        <dd data-testid="backend-description">{engine.backend.description}</dd>
        <dt>Precision</dt>
        <dd>{precisionText(engine.backend.active)}</dd>
        {why && (
          <>
            <dt>Why not WebGPU</dt>
            <dd className="bs-prefs__note">{why}</dd>
          </>
        )}
      </dl>
    );
  }
  return (
    <section className="bs-prefs__status" aria-label="Engine status" aria-live="polite" aria-busy={switching !== null}>
      {body}
    </section>
  );
});
