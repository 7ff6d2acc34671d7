import type { Issue } from '../../core/graph/issues';
import { loadModelText } from '../../core/graph/load';
import { emptySelection } from '../stores/graph-store';
import { withLayout } from './layout';
import { always, defineAction, refuse } from './types';

export interface LoadModelArgs {
  text: string;
  fileName?: string;
  /** The host's token for the file on disk, when it came from one. */
  fileHandle?: number;
}

export interface LoadModelValue {
  /** Problems the graph still has (a shape that does not fit): shown on the canvas, not blocking. */
  issues: Issue[];
}

// The canvas keys nodes by id and edges by their two ends, so these must be unique and resolve.
function isStructural(issue: Issue): boolean {
  return /^\$\.edges\[\d+\]/.test(issue.path ?? '') || /^\$\.nodes\[\d+\]\.id$/.test(issue.path ?? '');
}

/**
 * Opens model text as the document. Text that is not a well-formed model leaves the document
 * as it was, and the refusal lists every problem with its line, for a dialog.
 */
export const loadModelAction = defineAction<LoadModelArgs, LoadModelValue>({
  label: 'Open…',
  shortcut: 'Mod+O',
  enabled: always,
  perform(state, { text, fileName, fileHandle }) {
    const result = loadModelText(text);
    const name = fileName ?? 'the file';
    const blocking = result.model ? result.issues.filter(isStructural) : result.issues;
    if (!result.model || blocking.length) {
      const count = blocking.length;
      return refuse(`${name} could not be opened: ${count} problem${count === 1 ? '' : 's'}.`, { issues: blocking });
    }
    const model = withLayout(result.model);
    return {
      ok: true,
      value: { issues: result.issues },
      patch: {
        model,
        savedModel: model,
        fileName: fileName ?? null,
        fileHandle: fileHandle ?? null,
        selection: emptySelection,
        past: [],
        future: [],
        documentId: state.documentId + 1,
      },
    };
  },
});
