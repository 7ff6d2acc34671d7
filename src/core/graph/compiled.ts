import type { Plan } from './compile';
import { ModelError } from './issues';
import { validateModel } from './load';
import type { ModelJson } from './model';

/**
 * The model as the schema reads it (configs with their defaults filled in) and its plan. Throws
 * ModelError when the schema rejects it or a node's shape cannot be inferred; other issues (a
 * stored weight of the wrong shape, say) are left for the caller, which may be about to fix them.
 */
export function compiledModel(model: unknown): { model: ModelJson; plan: Plan } {
  const { model: parsed, plan, issues } = validateModel(model);
  const broken = issues.filter((i) => !parsed || !plan || (i.nodeId && !plan.byId.get(i.nodeId)?.outputShape));
  if (!parsed || !plan || broken.length) throw new ModelError(broken.length ? broken : issues);
  return { model: parsed, plan };
}
