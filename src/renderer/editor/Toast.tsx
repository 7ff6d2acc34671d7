import { memo, useEffect } from 'react';
import { useUiStore } from '../stores/ui-store';

const SHOW_MS = 4500;

/** One short message at a time: a refused connection, a saved file. */
export const Toast = memo(function Toast() {
  const toast = useUiStore((s) => s.toast);
  const dismiss = useUiStore((s) => s.dismissToast);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => dismiss(toast.id), SHOW_MS);
    return () => clearTimeout(timer);
  }, [toast, dismiss]);
  return (
    <div className="bs-toast-region" role="status" aria-live="polite">
      {toast && (
        <div className={`bs-toast bs-toast--${toast.tone}`} key={toast.id}>
          <span className="bs-toast__message">{toast.message}</span>
          <button type="button" className="bs-toast__close" aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
            ×
          </button>
        </div>
      )}
    </div>
  );
});
