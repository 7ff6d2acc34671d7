import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { ActivationFlowNode } from '../node-data';
import { NodeFace } from './NodeFace';

/** An element-wise activation: one input, one output of the same shape. */
export const ActivationNode = memo(function ActivationNode({ data, selected }: NodeProps<ActivationFlowNode>) {
  return (
    <NodeFace data={data} selected={selected}>
      <Handle type="target" position={Position.Left} className="bs-handle" />
      <Handle type="source" position={Position.Right} className="bs-handle" />
    </NodeFace>
  );
});
