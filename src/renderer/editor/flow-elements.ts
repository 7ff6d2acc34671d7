import type { Dimensions, XYPosition } from '@xyflow/react';
import type { ModelJson } from '../../core/graph/model';
import type { NodeCategory } from '../../core/layers/kind';
import { findKind } from '../../core/layers/registry';
import { formatShape } from '../../core/tensor/shape';
import type { CompiledGraph } from '../stores/compiled-graph';
import { edgeId, type Selection } from '../stores/graph-store';
import { faceTypes, type ShapeFlowEdge, type StudioFlowNode, type StudioNodeData } from './node-data';

// Said on the face when a kind has nothing to say about its config, so every face reads alike.
const fallbackDetail: Record<NodeCategory, string> = {
  input: '',
  layer: '',
  activation: 'element-wise',
  loss: 'compares with target',
};

/** Face data per node id; rebuilt only when the document, its plan or the active node change. */
export function nodeDataFor(
  model: ModelJson,
  compiled: CompiledGraph,
  activeNodeId: string | null,
): Map<string, StudioNodeData> {
  const out = new Map<string, StudioNodeData>();
  for (const node of model.nodes) {
    const kind = findKind(node.type);
    const shape = compiled.shapes.get(node.id);
    let detail = '';
    try {
      detail = kind?.describe(node.config) ?? '';
    } catch {
      // A kind may assume a config its schema guarantees; a node loaded with issues may not have one.
    }
    const category: NodeCategory = kind?.category ?? 'layer';
    if (!detail) detail = fallbackDetail[category];
    out.set(node.id, {
      category,
      nodeId: node.id,
      title: node.name ?? node.id,
      kindLabel: kind?.label ?? node.type,
      detail,
      outputShape: shape ? formatShape(shape) : null,
      paramCount: compiled.paramCounts.get(node.id) ?? 0,
      issues: (compiled.issuesByNode.get(node.id) ?? []).map((i) => i.message),
      active: node.id === activeNodeId,
    });
  }
  return out;
}

export function flowNodes(
  model: ModelJson,
  data: ReadonlyMap<string, StudioNodeData>,
  selection: Selection,
  dragging: ReadonlyMap<string, XYPosition>,
  measured: ReadonlyMap<string, Dimensions>,
): StudioFlowNode[] {
  const selected = new Set(selection.nodeIds);
  const nodes: StudioFlowNode[] = [];
  for (const node of model.nodes) {
    const nodeData = data.get(node.id);
    if (!nodeData) continue;
    nodes.push({
      id: node.id,
      type: faceTypes[nodeData.category],
      position: dragging.get(node.id) ?? node.position ?? { x: 0, y: 0 },
      data: nodeData,
      selected: selected.has(node.id),
      measured: measured.get(node.id),
    } as StudioFlowNode);
  }
  return nodes;
}

export function flowEdges(model: ModelJson, compiled: CompiledGraph, selection: Selection): ShapeFlowEdge[] {
  const selected = new Set(selection.edgeIds);
  return model.edges.map((edge) => {
    const id = edgeId(edge);
    const shape = compiled.shapes.get(edge.from);
    return {
      id,
      type: 'shape',
      source: edge.from,
      target: edge.to,
      selected: selected.has(id),
      data: { shape: shape ? formatShape(shape) : null },
    };
  });
}
