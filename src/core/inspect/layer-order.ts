import type { Plan, PlanNode } from '../graph/compile';
import { isSaturating } from './unit-health';

/** A node with parameters the optimizer trains (running statistics do not count). */
export function isLayer(node: PlanNode): boolean {
  return Object.values(node.paramSpecs).some((spec) => spec.trainable !== false);
}

/** Where a layer sits relative to the loss, along the shortest way its gradient travels. */
export interface LayerPlace {
  nodeId: string;
  /** Layers between this one and a loss: 0 for the last layer. */
  distance: number;
  /** The layer with distance 0 this one's gradient comes through. */
  lastLayerId: string;
  /** Nodes between this layer and that last layer, in forward order (activations, norms, merges). */
  between: string[];
}

interface Route {
  layersAfter: number;
  squashers: number;
  /** Nodes after this one on the way to the loss, in forward order. */
  after: string[];
}

/**
 * Every layer with its distance from the loss, nearest first (ties in reverse plan order). The
 * way back is the one crossing the fewest layers, and among those the fewest sigmoid and tanh
 * nodes: a skip connection is the short way, which is the point of having one.
 */
export function layerOrder(plan: Plan): LayerPlace[] {
  const routes = new Map<string, Route>();
  for (let i = plan.nodes.length - 1; i >= 0; i--) {
    const node = plan.nodes[i];
    if (node.kind.category === 'loss') {
      routes.set(node.id, { layersAfter: 0, squashers: 0, after: [] });
      continue;
    }
    let best: Route | undefined;
    for (const id of node.consumers) {
      const next = routes.get(id);
      const consumer = plan.byId.get(id);
      if (!next || !consumer) continue;
      const route: Route = {
        layersAfter: next.layersAfter + (isLayer(consumer) ? 1 : 0),
        squashers: next.squashers + (isSaturating(consumer.kind.type) ? 1 : 0),
        after: [id, ...next.after],
      };
      if (!best || shorter(route, best)) best = route;
    }
    if (best) routes.set(node.id, best);
  }
  const places: LayerPlace[] = [];
  for (let i = plan.nodes.length - 1; i >= 0; i--) {
    const node = plan.nodes[i];
    const route = routes.get(node.id);
    if (!route || !isLayer(node)) continue;
    const last = lastLayerOn(plan, route.after);
    places.push({
      nodeId: node.id,
      distance: route.layersAfter,
      lastLayerId: last ?? node.id,
      between: last === undefined ? [] : route.after.slice(0, route.after.indexOf(last)),
    });
  }
  return places.sort((a, b) => a.distance - b.distance);
}

function shorter(a: Route, b: Route): boolean {
  return a.layersAfter < b.layersAfter || (a.layersAfter === b.layersAfter && a.squashers < b.squashers);
}

/** The layer nearest the loss on a route, if the route crosses one. */
function lastLayerOn(plan: Plan, after: string[]): string | undefined {
  for (let i = after.length - 1; i >= 0; i--) {
    const n = plan.byId.get(after[i]);
    if (n && isLayer(n)) return n.id;
  }
  return undefined;
}
