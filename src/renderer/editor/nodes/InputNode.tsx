import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { InputFlowNode } from '../node-data';
import { NodeFace } from './NodeFace';

/** Where data enters: no input handle. */
export const InputNode = memo(function InputNode({ data, selected }: NodeProps<InputFlowNode>) {
  return (
    <NodeFace data={data} selected={selected}>
      <Handle type="source" position={Position.Right} className="bs-handle" />
    </NodeFace>
  );
});
