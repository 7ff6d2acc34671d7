import { ShapeEdge } from './edges/ShapeEdge';

export const edgeTypes = { shape: ShapeEdge };
