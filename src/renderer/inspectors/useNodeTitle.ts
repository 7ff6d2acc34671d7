import { useCallback } from 'react';
import { useGraphStore } from '../stores/graph-store';
import { nodeTitle } from './inspect-format';

/** A stable function from node id to the label the canvas shows for it. */
export function useNodeTitle(): (nodeId: string) => string {
  const nodes = useGraphStore((s) => s.model.nodes);
  return useCallback((nodeId: string) => nodeTitle(nodes, nodeId), [nodes]);
}
