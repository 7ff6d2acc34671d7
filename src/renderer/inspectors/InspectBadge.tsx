import './inspect-badge.css';
import { memo } from 'react';
import { useGraphStore } from '../stores/graph-store';
import { currentRun, flagsOf, useInspectStore } from '../stores/inspect-store';

/** The node's vanishing or exploding flag from the last inspection of this graph, as a badge on its face. */
export const InspectBadge = memo(function InspectBadge({ nodeId }: { nodeId: string }) {
  const model = useGraphStore((s) => s.model);
  const flag = useInspectStore((s) => {
    const result = currentRun(s.inspection, model)?.result;
    return result ? flagsOf(result).get(nodeId) : undefined;
  });
  if (!flag) return null;
  return (
    <span
      className={`bs-flag-badge bs-flag-badge--${flag.kind}`}
      title={flag.explanation}
      role="img"
      aria-label={`${flag.kind} gradient: ${flag.explanation}`}
      data-testid={`flag-badge-${nodeId}`}
      data-flag={flag.kind}
    >
      {flag.kind === 'vanishing' ? '▼ vanishing' : '▲ exploding'}
    </span>
  );
});
