import { memo, type ReactNode } from 'react';
import { formatIssue } from '../../core/graph/issues';
import { useCompiledGraph } from '../stores/compiled-graph';
import { useGraphStore } from '../stores/graph-store';

function count(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

const SAMPLE_HINT =
  "A pass runs on the model's sample: select the Input node and fill in its input and target rows under Sample.";

/** Counts at a glance: nodes, edges, parameters, issues; the host adds its own (the engine) at the end. */
export const StatusBar = memo(function StatusBar({ extra }: { extra?: ReactNode }) {
  const nodeCount = useGraphStore((s) => s.model.nodes.length);
  const edgeCount = useGraphStore((s) => s.model.edges.length);
  const compiled = useCompiledGraph();
  const { issueCount, modelIssues } = compiled;
  const issuesTitle = modelIssues.length ? modelIssues.map((i) => formatIssue(i)).join('\n') : undefined;
  const sample = useGraphStore((s) => s.model.sample);
  const hasLoss = (compiled.plan?.lossIds.length ?? 0) > 0;
  let missing = '';
  if (nodeCount > 0 && !sample) missing = 'no sample';
  else if (nodeCount > 0 && hasLoss && !sample?.target) missing = 'no target';
  return (
    <footer className="bs-status" aria-label="Model summary">
      <span>{count(nodeCount, 'node')}</span>
      <span>{count(edgeCount, 'edge')}</span>
      <span>{count(compiled.paramTotal, 'parameter')}</span>
      <span className={issueCount ? 'bs-status__issues has-issues' : 'bs-status__issues'} title={issuesTitle}>
        <span className="bs-status__dot" aria-hidden="true" />
        {issueCount ? count(issueCount, 'issue') : 'No issues'}
        {modelIssues.length > 0 && `: ${modelIssues[0].message}`}
      </span>
      <span className="bs-status__batch">batch {compiled.plan?.batch ?? 1}</span>
      {missing && (
        <span className="bs-status__sample" title={SAMPLE_HINT}>
          {missing}
        </span>
      )}
      {extra}
    </footer>
  );
});
