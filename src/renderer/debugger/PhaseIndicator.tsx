import { memo } from 'react';
import { useDebuggerStore } from '../stores/debugger-store';
import { digitsFor, formatSig } from './number-format';

export interface PhaseIndicatorProps {
  /** How many nodes a pass runs each way. */
  planLength: number;
  /** Why no pass can run now (the graph has issues, no sample); null when one can. */
  blocker: string | null;
}

/** Where the pass is ("Forward 3/6", "Backward 2/6") and, once the loss has run, its value. */
export const PhaseIndicator = memo(function PhaseIndicator({ planLength, blocker }: PhaseIndicatorProps) {
  const phase = useDebuggerStore((s) => s.phase);
  const forwardSteps = useDebuggerStore((s) => s.forwardSteps);
  const backwardSteps = useDebuggerStore((s) => s.backwardSteps);
  const loss = useDebuggerStore((s) => s.loss);
  const dtype = useDebuggerStore((s) => s.dtype);
  let text: string;
  if (blocker) text = blocker;
  else if (phase === 'idle') text = `Ready · ${planLength} nodes`;
  else if (phase === 'forward') text = `Forward ${forwardSteps}/${planLength}`;
  else if (phase === 'backward') text = `Backward ${backwardSteps}/${planLength}`;
  else text = 'Pass done';
  return (
    <div
      className={`bs-dbg-phase bs-dbg-phase--${phase}`}
      role="status"
      aria-live="polite"
      data-testid="debugger-phase"
    >
      <span className="bs-dbg-phase__dot" aria-hidden="true" />
      <span className="bs-dbg-phase__text">{text}</span>
      {loss !== null && (
        <span className="bs-dbg-phase__loss" data-testid="debugger-loss" title={String(loss)}>
          E = {formatSig(loss, Math.min(6, digitsFor(dtype)))}
        </span>
      )}
    </div>
  );
});
