import { memo } from 'react';
import { useGraphStore } from '../stores/graph-store';
import { currentRun, useInspectStore } from '../stores/inspect-store';
import { GradcheckTable } from './GradcheckTable';
import { useInspectorEngine } from './useInspectorEngine';
import { useNodeTitle } from './useNodeTitle';

/** "Check gradients" for one node: its parameters within the model, or its own backward step. */
export const NodeGradcheck = memo(function NodeGradcheck({ nodeId }: { nodeId: string }) {
  const { client } = useInspectorEngine();
  const model = useGraphStore((s) => s.model);
  const run = useInspectStore((s) => currentRun(s.gradchecks[nodeId], model));
  const gradcheck = useInspectStore((s) => s.gradcheck);
  const titleOf = useNodeTitle();
  if (!client) return null;
  return (
    <div className="bs-insp-node-check">
      <button
        type="button"
        className="bs-button bs-button--outline"
        disabled={run?.status === 'running'}
        onClick={() => void gradcheck(client, model, nodeId)}
      >
        {run?.status === 'running' ? 'Checking…' : 'Check gradients'}
      </button>
      {run?.status === 'error' && (
        <p className="bs-insp-warning" role="alert">
          {run.error}
        </p>
      )}
      {run?.result && (
        <>
          <p className={`bs-insp-summary ${run.result.passed ? 'is-pass' : 'is-fail'}`}>
            {run.result.passed
              ? 'Backprop agrees with finite differences.'
              : 'Backprop disagrees with finite differences.'}
          </p>
          <GradcheckTable result={run.result} titleOf={titleOf} compact />
        </>
      )}
    </div>
  );
});
