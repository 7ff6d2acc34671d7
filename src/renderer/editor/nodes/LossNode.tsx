import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { LossFlowNode } from '../node-data';
import { NodeFace } from './NodeFace';

/** A loss: the end of the graph, so no output handle; its output is one number. */
export const LossNode = memo(function LossNode({ data, selected }: NodeProps<LossFlowNode>) {
  return (
    <NodeFace data={data} selected={selected} outputLabel="scalar">
      <Handle type="target" position={Position.Left} className="bs-handle" />
    </NodeFace>
  );
});
