import './inspectors.css';
import { useEffect } from 'react';
import { useGraphStore } from '../stores/graph-store';
import { currentRun, OFFERED_INITIALISERS, useInspectStore } from '../stores/inspect-store';
import { InitCharts } from './InitCharts';
import { InitSummaryTable } from './InitSummaryTable';
import { InspectorBar } from './InspectorBar';
import { initLabels } from './init-names';
import { RunNotice } from './RunNotice';
import { useInspectorEngine } from './useInspectorEngine';
import { useNodeTitle } from './useNodeTitle';

const CHART_HEIGHT = 240;

/** The Init comparison tab: the graph under several initialisers side by side, one pass each. */
export function InitComparisonPanel() {
  const { client, model: engineModel } = useInspectorEngine();
  const model = useGraphStore((s) => s.model);
  const run = useInspectStore((s) => currentRun(s.initCompare, model));
  const chosen = useInspectStore((s) => s.initialisers);
  const toggle = useInspectStore((s) => s.toggleInitialiser);
  const compare = useInspectStore((s) => s.compareInits);
  const titleOf = useNodeTitle();
  const result = run?.result;

  useEffect(() => {
    if (!client || run || engineModel === 'none') return;
    const timer = setTimeout(() => void compare(client, model), 250);
    return () => clearTimeout(timer);
  }, [client, run, model, engineModel, compare]);

  return (
    <div className="bs-insp" data-testid="init-comparison-panel">
      <InspectorBar
        title="Init comparison"
        meta={result ? `weights redrawn, one pass each on ${result.data}` : undefined}
      >
        <fieldset className="bs-insp-chips">
          <legend className="bs-visually-hidden">Initialisers to compare</legend>
          {OFFERED_INITIALISERS.map((name) => (
            <label key={name} className="bs-insp-toggle" title={initLabels[name].rule}>
              <input type="checkbox" checked={chosen.includes(name)} onChange={() => toggle(name)} />
              {initLabels[name].name}
            </label>
          ))}
        </fieldset>
        <button
          type="button"
          className="bs-button bs-button--primary"
          disabled={!client || run?.status === 'running'}
          onClick={() => client && void compare(client, model)}
        >
          Compare
        </button>
      </InspectorBar>
      <RunNotice
        run={run}
        idle={client ? 'Comparing initialisers…' : 'The comparison needs the engine, which this page does not run.'}
        running="Running the graph under each initialiser…"
      />
      {result && (
        <div className="bs-insp__body bs-insp-init">
          <InitCharts comparisons={result.comparisons} titleOf={titleOf} height={CHART_HEIGHT} />
          <InitSummaryTable comparisons={result.comparisons} />
        </div>
      )}
    </div>
  );
}
