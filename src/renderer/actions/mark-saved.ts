import type { ModelJson } from '../../core/graph/model';
import { always, defineAction } from './types';

export interface MarkSavedArgs {
  fileName: string;
  fileHandle?: number;
  /** The model that was written: edits made while the host was writing stay unsaved. */
  model: ModelJson;
}

/** Records that the document as it is now was written, after the host has written it. */
export const markSavedAction = defineAction<MarkSavedArgs, void>({
  label: 'Mark saved',
  enabled: always,
  perform(_state, { fileName, fileHandle, model }) {
    return { ok: true, value: undefined, patch: { savedModel: model, fileName, fileHandle: fileHandle ?? null } };
  },
});
