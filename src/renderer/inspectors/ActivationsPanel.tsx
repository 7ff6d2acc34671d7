import './inspectors.css';
import { useCallback, useMemo } from 'react';
import { runAction } from '../actions/registry';
import { useCompiledGraph } from '../stores/compiled-graph';
import { useGraphStore } from '../stores/graph-store';
import { useInspectStore } from '../stores/inspect-store';
import { ActivationCard } from './ActivationCard';
import { ActivationDetail } from './ActivationDetail';
import { InspectorBar } from './InspectorBar';
import { InspectRunControls } from './InspectRunControls';
import { nodeTitle } from './inspect-format';
import { inspectionSummary } from './inspection-summary';
import { RunNotice } from './RunNotice';
import { useAutoInspect, useCurrentInspection, useRunInspect } from './useInspection';

/** The Activations tab: every layer's output as a small histogram, and the selected one in detail. */
export function ActivationsPanel() {
  useAutoInspect();
  const run = useCurrentInspection();
  const runInspect = useRunInspect();
  const trainSteps = useInspectStore((s) => s.trainSteps);
  const nodes = useGraphStore((s) => s.model.nodes);
  const selected = useGraphStore((s) => s.selection.nodeIds);
  const { plan } = useCompiledGraph();
  const result = run?.result;
  const activations = result?.activations ?? [];
  const categoryOf = useCallback((id: string) => plan?.byId.get(id)?.kind.category, [plan]);

  const focus =
    activations.find((a) => selected.length === 1 && a.nodeId === selected[0]) ??
    activations.find((a) => categoryOf(a.nodeId) === 'activation') ??
    activations[0];
  // The recorded input of an activation is the output of the node before it: either end shows it.
  const recordedId = useMemo(() => {
    if (!focus || !plan) return undefined;
    if (categoryOf(focus.nodeId) === 'activation') return focus.nodeId;
    return plan.byId.get(focus.nodeId)?.consumers.find((id) => categoryOf(id) === 'activation');
  }, [focus, plan, categoryOf]);
  const select = useCallback((nodeId: string) => {
    runAction('select', { set: { nodeIds: [nodeId], edgeIds: [] } });
  }, []);

  return (
    <div className="bs-insp" data-testid="activations-panel">
      <InspectorBar title="Activations" meta={result ? inspectionSummary(result) : undefined}>
        <InspectRunControls run={run} runInspect={runInspect} />
      </InspectorBar>
      <RunNotice
        run={run}
        idle={runInspect ? 'Inspecting the graph…' : 'The inspectors need the engine, which this page does not run.'}
        running="Running a forward and backward pass…"
      />
      {result && focus && (
        <div className="bs-insp__body bs-insp-act">
          <ActivationDetail
            stats={focus}
            title={nodeTitle(nodes, focus.nodeId)}
            category={categoryOf(focus.nodeId)}
            recordedId={recordedId}
            recordedTitle={recordedId ? nodeTitle(nodes, recordedId) : ''}
            history={result.history}
            onTrain={runInspect ? () => runInspect(trainSteps) : null}
          />
          <section className="bs-insp-grid" aria-label="Every layer's output">
            {activations.map((stats) => (
              <ActivationCard
                key={stats.nodeId}
                stats={stats}
                title={nodeTitle(nodes, stats.nodeId)}
                category={categoryOf(stats.nodeId)}
                selected={stats.nodeId === focus.nodeId}
                onSelect={select}
              />
            ))}
          </section>
        </div>
      )}
    </div>
  );
}
