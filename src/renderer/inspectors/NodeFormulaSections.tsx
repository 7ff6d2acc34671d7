import { memo } from 'react';
import type { NodeJson } from '../../core/graph/model';
import { InspectorSection } from '../panels/InspectorSection';
import type { CompiledGraph } from '../stores/compiled-graph';
import { FormulaCard } from './FormulaCard';
import { NodeGradcheck } from './NodeGradcheck';
import { useInspectorEngine } from './useInspectorEngine';

export interface NodeFormulaSectionsProps {
  node: NodeJson;
  compiled: CompiledGraph;
}

/** The node inspector's formula card and its gradient check. */
export const NodeFormulaSections = memo(function NodeFormulaSections({ node, compiled }: NodeFormulaSectionsProps) {
  const { client } = useInspectorEngine();
  return (
    <>
      <InspectorSection title="Formula">
        <FormulaCard node={node} compiled={compiled} />
      </InspectorSection>
      {client && node.type !== 'input' && (
        <InspectorSection title="Gradient check">
          <NodeGradcheck nodeId={node.id} />
        </InspectorSection>
      )}
    </>
  );
});
