import { memo } from 'react';
import type { GradientFlowEntry } from '../../core/inspect/gradient-flow';
import type { InspectResult } from '../../protocol/inspect-messages';
import { shortNumber } from './inspect-format';

export interface FlowFlagsProps {
  result: InspectResult;
  titleOf(nodeId: string): string;
}

/** The flagged layers in plain words with the numbers, and what to try, shared remedies listed once. */
export const FlowFlags = memo(function FlowFlags({ result, titleOf }: FlowFlagsProps) {
  const flagged = result.flow.filter((f): f is GradientFlowEntry & { flag: NonNullable<GradientFlowEntry['flag']> } =>
    Boolean(f.flag),
  );
  const { vanishingRatio, explodingFactor } = result.thresholds;
  if (!flagged.length) {
    return (
      <div className="bs-insp-ok" role="status">
        <strong>No layer is flagged.</strong> Going back from the loss, every layer's weight gradient stays above{' '}
        {shortNumber(vanishingRatio)} × the last layer's, and the gradient grows by less than ×
        {shortNumber(explodingFactor)} per layer.
      </div>
    );
  }
  const remedies = [...new Set(flagged.flatMap((f) => f.flag.remedies))];
  // The deepest flagged layer first: it is where the trouble is largest.
  const ordered = [...flagged].sort((a, b) => b.distance - a.distance);
  return (
    <div className="bs-insp-flags">
      <ul className="bs-insp-flags__list">
        {ordered.map((entry, i) => (
          <li key={entry.nodeId} className={`bs-insp-flag bs-insp-flag--${entry.flag.kind}`}>
            {/* The deepest layer's explanation is open; the others say the same with their own numbers. */}
            <details open={i === 0}>
              <summary className="bs-insp-flag__head">
                <span className="bs-insp-flag__kind">{entry.flag.kind}</span>
                <strong>{titleOf(entry.nodeId)}</strong>
                <span className="bs-insp-meta">
                  {entry.distance} layer{entry.distance === 1 ? '' : 's'} from the loss · ×
                  {shortNumber(entry.ratioToLast)} of the last layer's
                </span>
              </summary>
              <p>{entry.flag.explanation}</p>
            </details>
          </li>
        ))}
      </ul>
      <div className="bs-insp-remedies">
        <h3 className="bs-panel-heading">What to try</h3>
        <ul>
          {remedies.map((r) => (
            <li key={r}>{result.remedyText[r] ?? r}</li>
          ))}
        </ul>
      </div>
    </div>
  );
});
