import type { Edge, Node } from '@xyflow/react';
import type { NodeCategory } from '../../core/layers/kind';

/** What every node face shows, worked out from the document and its compiled plan. */
type FaceData = {
  nodeId: string;
  /** The node's name, or its id when it has none. */
  title: string;
  kindLabel: string;
  /** The kind's own few words about its config ("2 units"); may be empty. */
  detail: string;
  /** Formatted output shape; null while the node or one before it has an error. */
  outputShape: string | null;
  paramCount: number;
  issues: string[];
  /** The node a forward or backward pass is at, highlighted by the debugger. */
  active: boolean;
};

export type InputNodeData = FaceData & { category: 'input' };
export type LayerNodeData = FaceData & { category: 'layer' };
export type ActivationNodeData = FaceData & { category: 'activation' };
export type LossNodeData = FaceData & { category: 'loss' };
export type StudioNodeData = InputNodeData | LayerNodeData | ActivationNodeData | LossNodeData;

export type InputFlowNode = Node<InputNodeData, 'inputNode'>;
export type LayerFlowNode = Node<LayerNodeData, 'layerNode'>;
export type ActivationFlowNode = Node<ActivationNodeData, 'activationNode'>;
export type LossFlowNode = Node<LossNodeData, 'lossNode'>;
export type StudioFlowNode = InputFlowNode | LayerFlowNode | ActivationFlowNode | LossFlowNode;

/** The face a category gets. Not named after the category: xyflow styles a node type called "input". */
export const faceTypes = {
  input: 'inputNode',
  layer: 'layerNode',
  activation: 'activationNode',
  loss: 'lossNode',
} as const satisfies Record<NodeCategory, StudioFlowNode['type']>;

export type ShapeEdgeData = {
  /** Formatted shape of the tensor the edge carries; null when it is not known. */
  shape: string | null;
};
export type ShapeFlowEdge = Edge<ShapeEdgeData, 'shape'>;

export const categoryTitles: Record<NodeCategory, string> = {
  input: 'Input',
  layer: 'Layers',
  activation: 'Activations',
  loss: 'Losses',
};

/** The MIME type a palette entry drags, carrying the node kind's type. */
export const NODE_KIND_MIME = 'application/x-backprop-studio-node';

/** Node faces are this wide; the drop point and the centre placement use it to centre a new node. */
export const NODE_WIDTH = 150;
export const NODE_HEIGHT_ESTIMATE = 72;
