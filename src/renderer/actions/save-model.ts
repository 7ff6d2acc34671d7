import type { ModelJson } from '../../core/graph/model';
import { formatModel } from '../../core/graph/serialize';
import { always, defineAction } from './types';

export interface SaveModelValue {
  text: string;
  /** The document's file name, or one made from the model's name. */
  fileName: string;
  /** The model the text was made from, to hand back to mark-saved once written. */
  model: ModelJson;
}

export function suggestedFileName(modelName: string | undefined): string {
  const stem = (modelName ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${stem || 'model'}.json`;
}

/** The document as file text, positions included. Writing it is the host's job; see mark-saved. */
export const saveModelAction = defineAction<void, SaveModelValue>({
  label: 'Save',
  shortcut: 'Mod+S',
  enabled: always,
  perform(state) {
    const fileName = state.fileName ?? suggestedFileName(state.model.name);
    return { ok: true, value: { text: formatModel(state.model), fileName, model: state.model } };
  },
});
