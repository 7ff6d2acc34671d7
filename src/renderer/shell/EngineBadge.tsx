import { memo } from 'react';
import { useEngineSession } from '../engine-client/engine-context';
import type { EngineModelState, EngineStatus } from '../stores/session-store';

const places = { electron: 'its own process', worker: 'a web worker' } as const;

function labelOf(engine: EngineStatus): string {
  switch (engine.state) {
    case 'ready':
      return engine.backend;
    case 'starting':
      return 'starting…';
    case 'restarting':
      return 'restarting…';
    case 'failed':
      return 'stopped';
  }
}

function modelText(model: EngineModelState): string {
  switch (model.state) {
    case 'none':
      return 'No model sent yet.';
    case 'loading':
      return 'Loading the graph…';
    case 'loaded':
      return `The graph is loaded: ${model.summary.paramCount.toLocaleString('en-US')} parameters${
        model.summary.hasSample ? ', with its sample' : ', with no sample to run on'
      }.`;
    case 'error':
      return `The graph does not run yet: ${model.error.message}`;
  }
}

/** The engine at a glance, at the end of the status bar: its backend, and whether it holds the graph. */
export const EngineBadge = memo(function EngineBadge() {
  const engine = useEngineSession((s) => s.engine);
  const model = useEngineSession((s) => s.model);
  const transport = useEngineSession((s) => s.client.transport);
  const restarts = useEngineSession((s) => s.restarts);
  const where =
    engine.state === 'ready' ? `The engine runs on the ${engine.backend} backend in ${places[transport]}.` : '';
  const tone = engine.state === 'ready' ? (model.state === 'error' ? 'warn' : 'ok') : engine.state;
  return (
    <span
      className={`bs-engine bs-engine--${tone}`}
      title={`${where} ${engine.state === 'ready' ? modelText(model) : ''}`.trim() || undefined}
      data-testid="engine-badge"
      data-engine-state={engine.state}
      data-model-state={model.state}
      data-restarts={restarts}
    >
      <span className="bs-engine__dot" aria-hidden="true" />
      Engine <strong className="bs-engine__backend">{labelOf(engine)}</strong>
    </span>
  );
});
