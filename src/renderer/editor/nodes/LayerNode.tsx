import { Handle, type NodeProps, Position } from '@xyflow/react';
import { memo } from 'react';
import type { LayerFlowNode } from '../node-data';
import { NodeFace } from './NodeFace';

/** A layer with parameters (Dense, Conv2D, ...): one input, one output. */
export const LayerNode = memo(function LayerNode({ data, selected }: NodeProps<LayerFlowNode>) {
  return (
    <NodeFace data={data} selected={selected}>
      <Handle type="target" position={Position.Left} className="bs-handle" />
      <Handle type="source" position={Position.Right} className="bs-handle" />
    </NodeFace>
  );
});
