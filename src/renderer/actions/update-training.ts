import { type TrainingJson, trainingJson } from '../../core/graph/training';
import { fieldMessage } from './config-messages';
import { always, defineAction, refuse } from './types';

export interface UpdateTrainingArgs {
  /** The whole training section as the panel holds it; an empty one removes the section. */
  training: TrainingJson;
  mergeKey?: string;
}

/** Drops fields left undefined (and objects left empty), so the saved file holds only what was set. */
export function pruned<T>(value: T): T | undefined {
  if (Array.isArray(value) || value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value)
    .map(([k, v]) => [k, pruned(v)] as const)
    .filter(([, v]) => v !== undefined);
  return entries.length ? (Object.fromEntries(entries) as T) : undefined;
}

/**
 * Sets the model's training section when the schema accepts it, so the settings are saved with
 * the model. A refusal carries a message per field, keyed by its dotted path ("optimizer.beta1").
 */
export const updateTrainingAction = defineAction<UpdateTrainingArgs, void>({
  label: 'Change training settings',
  enabled: always,
  perform(state, { training, mergeKey }) {
    const section = pruned(training);
    const parsed = trainingJson.safeParse(section ?? {});
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) {
        const key = issue.path.join('.');
        if (!(key in fieldErrors)) fieldErrors[key] = fieldMessage(issue, undefined);
      }
      const [field, message] = Object.entries(fieldErrors)[0] ?? ['', 'invalid settings'];
      return refuse(field ? `${field} ${message}` : message, { fieldErrors });
    }
    if (JSON.stringify(section) === JSON.stringify(state.model.training)) return { ok: true, value: undefined };
    const { training: _old, ...rest } = state.model;
    const model = section ? { ...rest, training: section } : rest;
    return { ok: true, value: undefined, edit: { model, mergeKey } };
  },
});
