import { useEffect } from 'react';
import { documentTitle } from '../../protocol/document-files';
import { runCommand } from '../actions/commands';
import { isDirty, useGraphStore } from '../stores/graph-store';
import type { StudioHost } from './studio-host';

/** The document as the window shows it: title with the unsaved mark, and no unsaved work lost on close. */
export function useDocumentShell(host: StudioHost): void {
  const fileName = useGraphStore((s) => s.fileName);
  const dirty = useGraphStore(isDirty);

  useEffect(() => {
    const state = { fileName, dirty };
    document.title = documentTitle(state);
    host.reportDocument?.(state);
  }, [host, fileName, dirty]);

  useEffect(() => {
    if (!host.guardsUnload || !dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Browsers that predate preventDefault() here ask only when returnValue is set.
      event.returnValue = 'unsaved';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [host, dirty]);

  useEffect(() => host.onSaveRequest?.(() => runCommand('save-model', host)), [host]);
}
