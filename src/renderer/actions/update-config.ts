import { findKind } from '../../core/layers/registry';
import { fieldErrorsOf } from './config-messages';
import { dropStaleParams, findNode, replaceNode } from './model-edits';
import { always, defineAction, refuse } from './types';

export interface UpdateConfigArgs {
  nodeId: string;
  /** The whole config as the form holds it; checked with the kind's schema before it is applied. */
  config: unknown;
  mergeKey?: string;
}

/**
 * Sets a node's config when the kind's schema accepts it. When it does not, the graph is left as
 * it was and the refusal carries a message per field, so the form can keep the typed value and
 * say what is wrong with it.
 */
export const updateConfigAction = defineAction<UpdateConfigArgs, void>({
  label: 'Change settings',
  enabled: always,
  perform(state, { nodeId, config, mergeKey }) {
    const node = findNode(state.model, nodeId);
    if (!node) return refuse(`No node has the id '${nodeId}'.`);
    const kind = findKind(node.type);
    if (!kind) return refuse(`There is no node kind '${node.type}'.`);
    const parsed = kind.configSchema.safeParse(config);
    if (!parsed.success) {
      const fieldErrors = fieldErrorsOf(parsed.error, config);
      const [field, message] = Object.entries(fieldErrors)[0] ?? ['', 'invalid settings'];
      return refuse(field ? `${field} ${message}` : message, { fieldErrors });
    }
    const next = parsed.data as Record<string, unknown>;
    if (JSON.stringify(next) === JSON.stringify(node.config)) return { ok: true, value: undefined };
    const model = dropStaleParams(replaceNode(state.model, nodeId, (n) => ({ ...n, config: next })));
    return { ok: true, value: undefined, edit: { model, mergeKey } };
  },
});
