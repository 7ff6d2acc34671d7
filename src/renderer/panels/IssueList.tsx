import { memo } from 'react';
import type { Issue } from '../../core/graph/issues';

/** A node's issues, each in the words compile gave it. */
export const IssueList = memo(function IssueList({ issues }: { issues: Issue[] }) {
  return (
    <ul className="bs-issues">
      {issues.map((issue) => (
        <li key={`${issue.path ?? ''}:${issue.message}`} className="bs-issues__item">
          <span className="bs-issues__icon" aria-hidden="true">
            !
          </span>
          <span>{issue.message}</span>
        </li>
      ))}
    </ul>
  );
});
