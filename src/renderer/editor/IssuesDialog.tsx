import { memo, useEffect, useRef } from 'react';
import { useUiStore } from '../stores/ui-store';

/** Lists why a file did not open, each problem with its line, so it can be fixed in an editor. */
export const IssuesDialog = memo(function IssuesDialog() {
  const dialog = useUiStore((s) => s.issuesDialog);
  const close = useUiStore((s) => s.closeIssues);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (dialog && !element.open) element.showModal();
    if (!dialog && element.open) element.close();
  }, [dialog]);
  return (
    <dialog ref={ref} className="bs-dialog" onClose={close} aria-labelledby="bs-issues-title">
      {dialog && (
        <>
          <h2 id="bs-issues-title">{dialog.title}</h2>
          <ol className="bs-dialog__issues">
            {dialog.issues.map((issue, i) => (
              // Issues have no identity of their own; the list is replaced whole.
              <li key={i}>
                {issue.line !== undefined && (
                  <span className="bs-dialog__where">
                    line {issue.line}:{issue.column ?? 1}
                  </span>
                )}
                <span className="bs-dialog__message">{issue.message}</span>
                {issue.path && <code className="bs-dialog__path">{issue.path}</code>}
              </li>
            ))}
          </ol>
          <div className="bs-dialog__actions">
            <button type="button" className="bs-button bs-button--primary" onClick={close} autoFocus>
              Close
            </button>
          </div>
        </>
      )}
    </dialog>
  );
});
