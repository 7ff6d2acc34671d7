import { emptyModel } from '../../core/graph/model';
import { emptySelection } from '../stores/graph-store';
import { always, defineAction } from './types';

/** Starts an empty document. History belongs to a document, so it starts empty too. */
export const newModelAction = defineAction({
  label: 'New',
  shortcut: 'Mod+N',
  enabled: always,
  perform(state) {
    const model = emptyModel();
    return {
      ok: true,
      value: undefined,
      patch: {
        model,
        savedModel: model,
        fileName: null,
        fileHandle: null,
        selection: emptySelection,
        past: [],
        future: [],
        documentId: state.documentId + 1,
      },
    };
  },
});
