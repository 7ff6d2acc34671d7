import {
  Background,
  BackgroundVariant,
  type Connection,
  Controls,
  type Dimensions,
  type EdgeChange,
  MiniMap,
  type NodeChange,
  ReactFlow,
  useReactFlow,
  type XYPosition,
} from '@xyflow/react';
import { type DragEvent, memo, useCallback, useEffect, useMemo, useState } from 'react';
import { runAction } from '../actions/registry';
import type { SelectionChange } from '../actions/select';
import { useCompiledGraph } from '../stores/compiled-graph';
import { useGraphStore } from '../stores/graph-store';
import { useUiStore } from '../stores/ui-store';
import { edgeTypes } from './edgeTypes';
import { flowEdges, flowNodes, nodeDataFor } from './flow-elements';
import { NODE_HEIGHT_ESTIMATE, NODE_KIND_MIME, NODE_WIDTH, type ShapeFlowEdge, type StudioFlowNode } from './node-data';
import { nodeTypes } from './nodeTypes';
import { StartPanel } from './StartPanel';
import { fitViewOptions, ZOOM_LIMITS } from './view-options';

export interface CanvasProps {
  activeNodeId: string | null;
}

const noPositions: ReadonlyMap<string, XYPosition> = new Map();
const miniMapSize = { width: 168, height: 108 };
const snapGrid: [number, number] = [10, 10];

function miniMapColor(node: StudioFlowNode): string {
  return `var(--bs-${node.data.category})`;
}

/**
 * The graph on a pannable canvas. The document lives in the graph store; this keeps only what
 * a gesture needs while it lasts (positions mid-drag) and what the DOM measured.
 */
export const Canvas = memo(function Canvas({ activeNodeId }: CanvasProps) {
  const model = useGraphStore((s) => s.model);
  const selection = useGraphStore((s) => s.selection);
  const documentId = useGraphStore((s) => s.documentId);
  const compiled = useCompiledGraph();
  const showToast = useUiStore((s) => s.showToast);
  const { screenToFlowPosition, fitView } = useReactFlow<StudioFlowNode, ShapeFlowEdge>();
  const [dragging, setDragging] = useState(noPositions);
  const [measured, setMeasured] = useState<ReadonlyMap<string, Dimensions>>(new Map());

  const nodeData = useMemo(() => nodeDataFor(model, compiled, activeNodeId), [model, compiled, activeNodeId]);
  const nodes = useMemo(
    () => flowNodes(model, nodeData, selection, dragging, measured),
    [model, nodeData, selection, dragging, measured],
  );
  const edges = useMemo(() => flowEdges(model, compiled, selection), [model, compiled, selection]);

  // An empty graph is never fitted: the fit would wait for the first node and then pan the view
  // to it, away from where it was dropped.
  const [fitFirstView] = useState(() => model.nodes.length > 0);
  useEffect(() => {
    // A new document: fit it once its nodes are measured (fitView waits for that).
    if (documentId > 0 && useGraphStore.getState().model.nodes.length > 0) void fitView(fitViewOptions);
  }, [documentId, fitView]);

  const onNodesChange = useCallback((changes: NodeChange<StudioFlowNode>[]) => {
    const moving = new Map<string, XYPosition>();
    const moved: Record<string, XYPosition> = {};
    const sized = new Map<string, Dimensions>();
    const selecting: SelectionChange[] = [];
    for (const change of changes) {
      if (change.type === 'position' && change.position) {
        if (change.dragging) moving.set(change.id, change.position);
        else moved[change.id] = change.position;
      } else if (change.type === 'dimensions' && change.dimensions) {
        sized.set(change.id, change.dimensions);
      } else if (change.type === 'select') {
        selecting.push({ id: change.id, selected: change.selected });
      }
    }
    if (moving.size) setDragging((prev) => new Map([...prev, ...moving]));
    if (Object.keys(moved).length) {
      runAction('move-nodes', { positions: moved });
      setDragging(noPositions);
    }
    if (sized.size) setMeasured((prev) => new Map([...prev, ...sized]));
    if (selecting.length) runAction('select', { nodes: selecting });
  }, []);

  const onNodeDragStop = useCallback(() => setDragging(noPositions), []);

  const onEdgesChange = useCallback((changes: EdgeChange<ShapeFlowEdge>[]) => {
    const selecting: SelectionChange[] = [];
    for (const change of changes)
      if (change.type === 'select') selecting.push({ id: change.id, selected: change.selected });
    if (selecting.length) runAction('select', { edges: selecting });
  }, []);

  const onConnect = useCallback(
    ({ source, target }: Connection) => {
      const outcome = runAction('connect', { from: source, to: target });
      if (!outcome.ok) showToast(outcome.reason, 'error');
    },
    [showToast],
  );

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(NODE_KIND_MIME)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const type = event.dataTransfer.getData(NODE_KIND_MIME);
      if (!type) return;
      event.preventDefault();
      const at = screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const position = { x: at.x - NODE_WIDTH / 2, y: at.y - NODE_HEIGHT_ESTIMATE / 2 };
      const outcome = runAction('add-node', { type, position });
      if (!outcome.ok) showToast(outcome.reason, 'error');
    },
    [screenToFlowPosition, showToast],
  );

  return (
    <div className="bs-canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<StudioFlowNode, ShapeFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        onEdgesChange={onEdgesChange}
        onNodeDragStop={onNodeDragStop}
        onConnect={onConnect}
        deleteKeyCode={null}
        selectionKeyCode="Shift"
        multiSelectionKeyCode={['Meta', 'Control']}
        snapToGrid
        snapGrid={snapGrid}
        fitView={fitFirstView}
        fitViewOptions={fitViewOptions}
        minZoom={ZOOM_LIMITS.min}
        maxZoom={ZOOM_LIMITS.max}
        proOptions={{ hideAttribution: true }}
        aria-label="Model graph"
      >
        <Background variant={BackgroundVariant.Dots} gap={20} size={1.6} color="var(--bs-grid-dot)" />
        <Controls position="bottom-left" showInteractive={false} />
        {model.nodes.length > 0 && (
          <MiniMap<StudioFlowNode>
            position="bottom-right"
            pannable
            zoomable
            nodeColor={miniMapColor}
            nodeBorderRadius={4}
            style={miniMapSize}
            ariaLabel="Overview of the graph"
          />
        )}
      </ReactFlow>
      {model.nodes.length === 0 && <StartPanel />}
    </div>
  );
});
