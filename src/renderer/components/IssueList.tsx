import type { Issue } from '../../core/graph/issues';
import type { EngineClientError } from '../engine-client';

/** Why a model cannot run, each problem with the line, JSON path and node it concerns. */
export function IssueList({ source, error }: { source: string; error: EngineClientError }) {
  const issues: Issue[] = error.issues ?? [{ message: error.message, path: error.path, nodeId: error.nodeId }];
  return (
    <section className="card card-error" aria-label="Issues">
      <h2>{source} cannot run</h2>
      <p className="muted">
        {issues.length === 1 ? 'One problem' : `${issues.length} problems`} found in the model file:
      </p>
      <ul className="issues">
        {issues.map((issue, i) => (
          // Issues have no identity of their own, and the list is replaced, never reordered.
          <li key={i} className="issue">
            <span className="issue-where">
              {issue.line !== undefined && (
                <span className="issue-line">
                  line {issue.line}:{issue.column ?? 1}
                </span>
              )}
              {issue.path && <code>{issue.path}</code>}
              {issue.nodeId && (
                <span>
                  node <code>{issue.nodeId}</code>
                </span>
              )}
            </span>
            <span className="issue-message">{issue.message}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
