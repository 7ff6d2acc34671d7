import { memo, useEffect, useId, useRef, useState } from 'react';
import { useInspectStore } from '../stores/inspect-store';
import {
  DEFAULT_THRESHOLDS,
  type GradientThresholds,
  validExplodingFactor,
  validVanishingRatio,
} from './threshold-preferences';

export interface ThresholdsPopoverProps {
  /** Called after new thresholds are saved, to inspect again with them. */
  onApplied(): void;
}

/** Preferences: where the vanishing and exploding rules draw their lines, kept in this browser. */
export const ThresholdsPopover = memo(function ThresholdsPopover({ onApplied }: ThresholdsPopoverProps) {
  const thresholds = useInspectStore((s) => s.thresholds);
  const setThresholds = useInspectStore((s) => s.setThresholds);
  const [open, setOpen] = useState(false);
  const [vanishing, setVanishing] = useState(String(thresholds.vanishingRatio));
  const [exploding, setExploding] = useState(String(thresholds.explodingFactor));
  const root = useRef<HTMLDivElement>(null);
  const ids = useId();

  useEffect(() => {
    if (!open) return;
    setVanishing(String(thresholds.vanishingRatio));
    setExploding(String(thresholds.explodingFactor));
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [open, thresholds]);

  const vanishingOk = validVanishingRatio(Number(vanishing));
  const explodingOk = validExplodingFactor(Number(exploding));
  const apply = (next: GradientThresholds) => {
    setThresholds(next);
    setOpen(false);
    onApplied();
  };

  return (
    <div className="bs-insp-popover" ref={root}>
      <button
        type="button"
        className="bs-button bs-button--outline"
        aria-expanded={open}
        aria-haspopup="dialog"
        onClick={() => setOpen(!open)}
      >
        Thresholds
      </button>
      {open && (
        <div className="bs-insp-popover__panel" role="dialog" aria-label="Gradient thresholds">
          <p className="bs-insp-popover__intro">When a layer is flagged. Kept in this browser.</p>
          <label htmlFor={`${ids}-v`}>Vanishing: weight gradient below</label>
          <div className="bs-insp-popover__row">
            <input
              id={`${ids}-v`}
              type="text"
              inputMode="decimal"
              value={vanishing}
              aria-invalid={!vanishingOk}
              onChange={(e) => setVanishing(e.target.value)}
            />
            <span>× the last layer's (0 to 1)</span>
          </div>
          <label htmlFor={`${ids}-e`}>Exploding: gradient growing by</label>
          <div className="bs-insp-popover__row">
            <input
              id={`${ids}-e`}
              type="text"
              inputMode="decimal"
              value={exploding}
              aria-invalid={!explodingOk}
              onChange={(e) => setExploding(e.target.value)}
            />
            <span>× or more per layer going back (above 1)</span>
          </div>
          <div className="bs-insp-popover__actions">
            <button type="button" className="bs-button" onClick={() => apply({ ...DEFAULT_THRESHOLDS })}>
              Defaults
            </button>
            <button
              type="button"
              className="bs-button bs-button--primary"
              disabled={!vanishingOk || !explodingOk}
              onClick={() => apply({ vanishingRatio: Number(vanishing), explodingFactor: Number(exploding) })}
            >
              Apply
            </button>
          </div>
        </div>
      )}
    </div>
  );
});
