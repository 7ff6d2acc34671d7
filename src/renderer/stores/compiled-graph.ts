import type { Plan } from '../../core/graph/compile';
import type { Issue } from '../../core/graph/issues';
import { validateModel } from '../../core/graph/load';
import type { ModelJson } from '../../core/graph/model';
import { type Shape, sizeOf } from '../../core/tensor/shape';
import { type GraphState, useGraphStore } from './graph-store';

/** What the editor shows about a graph without running it: shapes, parameter counts, issues. */
export interface CompiledGraph {
  plan?: Plan;
  /** Output shape per node id; missing where the node or one before it has an error. */
  shapes: ReadonlyMap<string, Shape>;
  issuesByNode: ReadonlyMap<string, Issue[]>;
  /** Issues that concern the model as a whole (no input node, a sample that does not fit). */
  modelIssues: Issue[];
  issueCount: number;
  paramCounts: ReadonlyMap<string, number>;
  paramTotal: number;
}

// Every edit makes a new model object, so the object itself is the graph's version.
const cache = new WeakMap<ModelJson, CompiledGraph>();

export function compiledFor(model: ModelJson): CompiledGraph {
  const hit = cache.get(model);
  if (hit) return hit;
  const compiled = compileForEditor(model);
  cache.set(model, compiled);
  return compiled;
}

function compileForEditor(model: ModelJson): CompiledGraph {
  const { plan, issues } = validateModel(model);
  const shapes = new Map<string, Shape>();
  const paramCounts = new Map<string, number>();
  let paramTotal = 0;
  for (const node of plan?.nodes ?? []) {
    if (node.outputShape) shapes.set(node.id, node.outputShape);
    const count = Object.values(node.paramSpecs).reduce((sum, spec) => sum + sizeOf(spec.shape), 0);
    paramCounts.set(node.id, count);
    paramTotal += count;
  }
  const issuesByNode = new Map<string, Issue[]>();
  const modelIssues: Issue[] = [];
  for (const issue of issues) {
    if (issue.nodeId === undefined) {
      modelIssues.push(issue);
      continue;
    }
    const list = issuesByNode.get(issue.nodeId) ?? [];
    list.push(issue);
    issuesByNode.set(issue.nodeId, list);
  }
  return { plan, shapes, issuesByNode, modelIssues, issueCount: issues.length, paramCounts, paramTotal };
}

export function selectCompiled(state: GraphState): CompiledGraph {
  return compiledFor(state.model);
}

/** The compiled view of the current document; stable between edits, so safe as a selector. */
export function useCompiledGraph(): CompiledGraph {
  return useGraphStore(selectCompiled);
}
