import type { EngineRun } from '../stores/inspect-store';

export interface RunNoticeProps {
  run: EngineRun<unknown> | null;
  /** Said while nothing has run yet. */
  idle: string;
  /** Said while the first run is on its way. */
  running: string;
}

/** What a panel says instead of its content: nothing yet, working, or why it failed. */
export function RunNotice({ run, idle, running }: RunNoticeProps) {
  if (run?.status === 'error') {
    return (
      <div className="bs-insp-notice bs-insp-notice--error" role="alert">
        {run.error}
      </div>
    );
  }
  if (run?.result) return null;
  return (
    <div className="bs-insp-notice" aria-live="polite">
      {run?.status === 'running' ? (
        <>
          <span className="bs-insp-spinner" aria-hidden="true" />
          {running}
        </>
      ) : (
        idle
      )}
    </div>
  );
}
