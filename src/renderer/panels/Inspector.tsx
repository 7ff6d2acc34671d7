import { memo, type ReactNode } from 'react';
import { formatShape } from '../../core/tensor/shape';
import { useCompiledGraph } from '../stores/compiled-graph';
import { useGraphStore } from '../stores/graph-store';
import { InspectorHint } from './InspectorHint';
import { NodeInspector } from './NodeInspector';

export interface InspectorProps {
  /** Values after a pass for the selected node; the debugger fills this in. */
  renderNodeValues?: (nodeId: string) => ReactNode;
}

/** The right-hand panel: the selected node in detail, or what to do when nothing is selected. */
export const Inspector = memo(function Inspector({ renderNodeValues }: InspectorProps) {
  const selection = useGraphStore((s) => s.selection);
  const model = useGraphStore((s) => s.model);
  const compiled = useCompiledGraph();
  const { nodeIds, edgeIds } = selection;
  let body: ReactNode;
  if (nodeIds.length === 1) {
    const node = model.nodes.find((n) => n.id === nodeIds[0]);
    body = node ? <NodeInspector node={node} compiled={compiled} values={renderNodeValues?.(node.id)} /> : null;
  } else if (nodeIds.length > 1) {
    body = (
      <InspectorHint title={`${nodeIds.length} nodes selected`}>
        Drag them together, or copy, cut and delete them as one. Select a single node to edit it.
      </InspectorHint>
    );
  } else if (edgeIds.length > 0) {
    const edge = model.edges.find((e) => `${e.from}->${e.to}` === edgeIds[0]);
    const shape = edge ? compiled.shapes.get(edge.from) : undefined;
    body = (
      <InspectorHint title={edge ? `Edge ${edge.from} → ${edge.to}` : 'Edge'}>
        {shape
          ? `Carries a tensor of shape [${shape.join(', ')}].`
          : 'Its shape is unknown until the issue upstream is fixed.'}{' '}
        Press Delete to remove it.
      </InspectorHint>
    );
  } else {
    body = (
      <InspectorHint title="Nothing selected">
        Click a node to see its settings, the shapes it takes and gives, and its parameters. Drag from a node's right
        handle to another's left handle to connect them.
      </InspectorHint>
    );
  }
  return (
    <aside className="bs-inspector" aria-label="Inspector">
      {body}
    </aside>
  );
});
