import { useCallback } from 'react';
import type { TrainingJson } from '../../core/graph/training';
import { runAction } from '../actions/registry';
import { useGraphStore } from '../stores/graph-store';

/** Stores a new training section; returns the message for `field` when it is refused, else null. */
export type EditTraining = (next: TrainingJson, field: string) => string | null;

/** The model's training section and a way to change it through the undoable update-training action. */
export function useTrainingSection(): { training: TrainingJson | undefined; edit: EditTraining } {
  const training = useGraphStore((s) => s.model.training);
  const edit = useCallback<EditTraining>((next, field) => {
    const outcome = runAction('update-training', { training: next, mergeKey: `training.${field}` });
    if (outcome.ok) return null;
    return outcome.fieldErrors?.[field] ?? outcome.reason;
  }, []);
  return { training, edit };
}
