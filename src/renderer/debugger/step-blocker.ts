import type { ModelJson } from '../../core/graph/model';
import type { CompiledGraph } from '../stores/compiled-graph';

/**
 * Why a pass cannot be stepped now, in the few words the toolbar has room for; null when it can.
 * The engine would refuse the same graphs, but only after a step, and in the CLI's words.
 */
export function stepBlocker(model: ModelJson, compiled: CompiledGraph): string | null {
  if (!compiled.plan || compiled.issueCount > 0 || compiled.plan.nodes.length === 0) return 'Fix the graph to step';
  if (!model.sample) return 'Add a sample to step';
  if (compiled.plan.lossIds.length > 0 && !model.sample.target) return 'Add a target to step';
  return null;
}
