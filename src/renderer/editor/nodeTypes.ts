import type { NodeTypes } from '@xyflow/react';
import type { faceTypes } from './node-data';
import { ActivationNode } from './nodes/ActivationNode';
import { InputNode } from './nodes/InputNode';
import { LayerNode } from './nodes/LayerNode';
import { LossNode } from './nodes/LossNode';

/** One face per category, so kinds added to the registry get a face without a change here. */
export const nodeTypes = {
  inputNode: InputNode,
  layerNode: LayerNode,
  activationNode: ActivationNode,
  lossNode: LossNode,
} satisfies Record<(typeof faceTypes)[keyof typeof faceTypes], NodeTypes[string]>;
