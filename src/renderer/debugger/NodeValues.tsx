import './debugger-theme.css';
import './node-values.css';
import { memo, useMemo } from 'react';
import { useCompiledGraph } from '../stores/compiled-graph';
import { useDebuggerStore } from '../stores/debugger-store';
import { useGraphStore } from '../stores/graph-store';
import { BackwardSection } from './BackwardSection';
import { ForwardSection } from './ForwardSection';
import { nodeContext } from './node-context';
import { digitsFor } from './number-format';
import { UpdateSection } from './UpdateSection';
import { ValuesSection } from './ValuesSection';

export interface NodeValuesProps {
  nodeId: string;
}

/** The inspector's view of a node in the stepped pass: forward values, the chain rule, the update. */
export const NodeValues = memo(function NodeValues({ nodeId }: NodeValuesProps) {
  const model = useGraphStore((s) => s.model);
  const compiled = useCompiledGraph();
  const records = useDebuggerStore((s) => s.records[nodeId]);
  const dtype = useDebuggerStore((s) => s.dtype);
  const active = useDebuggerStore((s) => (s.activeNodeId === nodeId ? s.activeDirection : null));
  const lastUpdate = useDebuggerStore((s) => s.lastUpdate);
  const digits = digitsFor(dtype);
  const node = useMemo(() => nodeContext(model, compiled, nodeId, digits), [model, compiled, nodeId, digits]);
  const changes = useMemo(() => lastUpdate?.changes.filter((c) => c.nodeId === nodeId) ?? [], [lastUpdate, nodeId]);
  const { forward, backward } = records ?? {};
  const step = node.planLength ? `step ${node.position} of ${node.planLength}` : undefined;
  const backStep = node.planLength ? `step ${node.planLength - node.position + 1} of ${node.planLength}` : undefined;

  return (
    <div className="bs-dbg-values" data-testid="node-values">
      {!forward && !backward && changes.length === 0 && (
        <p className="bs-dbg-hint">
          Not run in this pass yet. <kbd>F10</kbd> steps forward one node at a time
          {node.position > 0 && `; this node runs at step ${node.position} of ${node.planLength}`}.
        </p>
      )}
      {backward && (
        <ValuesSection title="Backward: the chain rule here" badge={backStep} tone="backward" open>
          <BackwardSection record={backward} node={node} />
        </ValuesSection>
      )}
      {forward && (
        <ValuesSection title="Forward" badge={step} tone="forward" open={!backward || active === 'forward'}>
          <ForwardSection record={forward} node={node} />
        </ValuesSection>
      )}
      {changes.length > 0 && lastUpdate && (
        <ValuesSection title="Update" badge={`η = ${lastUpdate.learningRate}`} tone="update" open>
          <UpdateSection
            changes={changes}
            learningRate={lastUpdate.learningRate}
            digits={digitsFor(lastUpdate.dtype)}
          />
        </ValuesSection>
      )}
    </div>
  );
});
