import { memo } from 'react';
import { formatShortcut, isMacPlatform } from '../actions/shortcuts';
import { useEngineSession } from '../engine-client/engine-context';
import type { EngineModelState, EngineStatus } from '../stores/session-store';
import { useUiStore } from '../stores/ui-store';
import { backendLabel, precisionText, preferenceLabel, whyNotGpu } from './backend-text';

const places = { electron: 'its own process', worker: 'a web worker' } as const;
const preferencesKey = formatShortcut('Mod+,', isMacPlatform());

function labelOf(engine: EngineStatus): string {
  switch (engine.state) {
    case 'ready':
      return backendLabel(engine.backend);
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

/** The tooltip: the backend in full, its precision, why not the GPU, and where the engine runs. */
function titleOf(engine: EngineStatus, model: EngineModelState, transport: keyof typeof places): string {
  if (engine.state !== 'ready') return `The engine is ${labelOf(engine).replace('…', '')}. Click for Preferences.`;
  const { backend } = engine;
  const why = whyNotGpu(backend);
  return [
    `Compute backend: ${backend.description} (preference: ${preferenceLabel(backend.preference)})`,
    `Precision: ${precisionText(backend.active)}`,
    ...(why ? [`WebGPU is not in use: ${why}`] : []),
    `The engine runs in ${places[transport]}. ${modelText(model)}`,
    `Click to change the backend (Preferences, ${preferencesKey}).`,
  ].join('\n');
}

/** The engine at a glance, at the end of the status bar: its backend, and whether it holds the graph. */
export const EngineBadge = memo(function EngineBadge() {
  const engine = useEngineSession((s) => s.engine);
  const model = useEngineSession((s) => s.model);
  const transport = useEngineSession((s) => s.client.transport);
  const restarts = useEngineSession((s) => s.restarts);
  const switching = useEngineSession((s) => s.backendSwitching);
  const warning = useEngineSession((s) => s.backendWarning);
  const showPreferences = useUiStore((s) => s.showPreferences);
  const ready = engine.state === 'ready';
  let tone: string = engine.state;
  if (ready) {
    // Amber when the graph does not run or the engine is not where the user asked; the CPU by choice is fine.
    const refused = engine.backend.preference === 'webgpu' && engine.backend.active === 'cpu';
    tone = switching ? 'starting' : model.state === 'error' || refused || warning ? 'warn' : 'ok';
  }
  return (
    <button
      type="button"
      className={`bs-engine bs-engine--${tone}`}
      title={titleOf(engine, model, transport)}
      onClick={showPreferences}
      data-testid="engine-badge"
      data-engine-state={engine.state}
      data-backend={ready ? engine.backend.active : undefined}
      data-model-state={model.state}
      data-restarts={restarts}
    >
      <span className="bs-engine__dot" aria-hidden="true" />
      Engine{' '}
      <strong className="bs-engine__backend">
        {switching && ready ? `switching to ${preferenceLabel(switching)}…` : labelOf(engine)}
      </strong>
    </button>
  );
});
