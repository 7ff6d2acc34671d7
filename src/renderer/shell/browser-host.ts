import type { UnsavedChoice } from '../../protocol/document-files';
import { browserFiles } from '../editor/browser-files';
import type { StudioHost } from './studio-host';

/** A browser tab: the file picker, downloads, and the browser's own confirm box. */
export function browserHost(): StudioHost {
  return {
    files: browserFiles,
    async askUnsaved(): Promise<UnsavedChoice> {
      return window.confirm('This model has unsaved changes. Discard them?') ? 'discard' : 'cancel';
    },
    guardsUnload: true,
  };
}
