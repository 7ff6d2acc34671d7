import { useReactFlow } from '@xyflow/react';
import { type RefObject, useCallback } from 'react';
import { runAction } from '../actions/registry';
import { useGraphStore } from '../stores/graph-store';
import { useUiStore } from '../stores/ui-store';
import { NODE_HEIGHT_ESTIMATE, NODE_WIDTH } from './node-data';

const STEP = 30;

/** Adds a node at the centre of the visible canvas, stepping aside from nodes already there. */
export function useAddNodeAtCentre(canvasRef: RefObject<HTMLElement | null>): (type: string) => void {
  const { screenToFlowPosition } = useReactFlow();
  const showToast = useUiStore((s) => s.showToast);
  return useCallback(
    (type: string) => {
      const rect = canvasRef.current?.getBoundingClientRect();
      const centre = rect
        ? screenToFlowPosition({ x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 })
        : { x: 0, y: 0 };
      const occupied = useGraphStore.getState().model.nodes.map((n) => n.position);
      let x = Math.round(centre.x - NODE_WIDTH / 2);
      let y = Math.round(centre.y - NODE_HEIGHT_ESTIMATE / 2);
      while (occupied.some((p) => p && Math.abs(p.x - x) < STEP && Math.abs(p.y - y) < STEP)) {
        x += STEP;
        y += STEP;
      }
      const outcome = runAction('add-node', { type, position: { x, y } });
      if (!outcome.ok) showToast(outcome.reason, 'error');
    },
    [canvasRef, screenToFlowPosition, showToast],
  );
}
