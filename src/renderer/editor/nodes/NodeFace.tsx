import type { ReactNode } from 'react';
import { InspectBadge } from '../../inspectors/InspectBadge';
import type { StudioNodeData } from '../node-data';

interface NodeFaceProps {
  data: StudioNodeData;
  selected: boolean;
  /** What the footer shows in place of the output shape (a loss shows "scalar"). */
  outputLabel?: string;
  /** The handles; each face decides which it has. */
  children: ReactNode;
}

function plural(n: number, word: string): string {
  return `${n.toLocaleString('en-US')} ${word}${n === 1 ? '' : 's'}`;
}

/** The body every node face shares: kind, name, key settings, output shape, issues. */
export function NodeFace({ data, selected, outputLabel, children }: NodeFaceProps) {
  const hasIssue = data.issues.length > 0;
  const classes = ['bs-node', `bs-node--${data.category}`];
  if (selected) classes.push('is-selected');
  if (hasIssue) classes.push('has-issue');
  if (data.active) classes.push('is-active');
  return (
    <div className={classes.join(' ')} data-testid={`node-${data.nodeId}`}>
      <InspectBadge nodeId={data.nodeId} />
      <div className="bs-node__kind">
        <span className="bs-node__dot" aria-hidden="true" />
        <span className="bs-node__kind-label">{data.kindLabel}</span>
        {data.paramCount > 0 && <span className="bs-node__params">{plural(data.paramCount, 'param')}</span>}
      </div>
      <div className="bs-node__title" title={data.title}>
        {data.title}
      </div>
      {data.detail && <div className="bs-node__detail">{data.detail}</div>}
      <div className="bs-node__output">
        <span className="bs-node__arrow" aria-hidden="true">
          →
        </span>
        <span className="bs-node__shape">{data.outputShape === null ? '?' : (outputLabel ?? data.outputShape)}</span>
      </div>
      {hasIssue && (
        <div className="bs-node__issue" role="alert">
          {data.issues[0]}
          {data.issues.length > 1 && ` (+${data.issues.length - 1} more)`}
        </div>
      )}
      {children}
    </div>
  );
}
