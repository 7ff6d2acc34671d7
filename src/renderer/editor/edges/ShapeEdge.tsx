import { BaseEdge, EdgeLabelRenderer, type EdgeProps, getBezierPath, getSmoothStepPath } from '@xyflow/react';
import { memo } from 'react';
import { runAction } from '../../actions/registry';
import type { ShapeFlowEdge } from '../node-data';

/** An edge labelled with the shape of the tensor it carries, e.g. [1, 2]. */
export const ShapeEdge = memo(function ShapeEdge(props: EdgeProps<ShapeFlowEdge>) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data, selected, markerEnd } = props;
  const ends = { sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition };
  // An edge back to the left (a graph laid out in rows) would loop round both nodes as a curve;
  // routed in steps it runs down between the rows like a line break.
  const [path, labelX, labelY] =
    targetX < sourceX ? getSmoothStepPath({ ...ends, borderRadius: 10, offset: 24 }) : getBezierPath(ends);
  const shape = data?.shape ?? null;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} className={selected ? 'bs-edge is-selected' : 'bs-edge'} />
      <EdgeLabelRenderer>
        <div
          className={`bs-edge-label nodrag nopan${selected ? ' is-selected' : ''}${shape === null ? ' is-unknown' : ''}`}
          style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          onClick={() => runAction('select', { set: { nodeIds: [], edgeIds: [id] } })}
          title={shape === null ? 'Shape unknown: fix the issue upstream' : `Carries a tensor of shape ${shape}`}
        >
          {shape ?? '?'}
        </div>
      </EdgeLabelRenderer>
    </>
  );
});
