import './inspectors.css';
import { useGraphStore } from '../stores/graph-store';
import { currentRun, useInspectStore, WHOLE_GRAPH } from '../stores/inspect-store';
import { GradcheckTable } from './GradcheckTable';
import { gradcheckSummary } from './gradcheck-summary';
import { InspectorBar } from './InspectorBar';
import { RunNotice } from './RunNotice';
import { useInspectorEngine } from './useInspectorEngine';
import { useNodeTitle } from './useNodeTitle';

/** The Gradient check tab: every gradient backprop computes, checked against finite differences. */
export function GradcheckPanel() {
  const { client } = useInspectorEngine();
  const model = useGraphStore((s) => s.model);
  const run = useInspectStore((s) => currentRun(s.gradchecks[WHOLE_GRAPH], model));
  const gradcheck = useInspectStore((s) => s.gradcheck);
  const titleOf = useNodeTitle();
  const result = run?.result;
  return (
    <div className="bs-insp" data-testid="gradcheck-panel">
      <InspectorBar title="Gradient check" meta="Is backprop right? Each gradient against a numerical estimate.">
        <button
          type="button"
          className="bs-button bs-button--primary"
          disabled={!client || run?.status === 'running'}
          onClick={() => client && void gradcheck(client, model)}
        >
          Check the whole graph
        </button>
      </InspectorBar>
      <RunNotice
        run={run}
        idle={
          client
            ? 'Check the whole graph: every parameter and the input get their gradient from one backward pass and from central differences, and the two must agree.'
            : 'The gradient check needs the engine, which this page does not run.'
        }
        running="Checking: two forward passes per element…"
      />
      {result && (
        <div className="bs-insp__body">
          <p className={`bs-insp-summary ${result.passed ? 'is-pass' : 'is-fail'}`} role="status">
            {gradcheckSummary(result)}
          </p>
          <GradcheckTable result={result} titleOf={titleOf} />
        </div>
      )}
    </div>
  );
}
