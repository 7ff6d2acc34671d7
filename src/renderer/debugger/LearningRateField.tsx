import { memo, useEffect, useId, useState } from 'react';
import { useDebuggerStore } from '../stores/debugger-store';

/** A positive finite number, or null. */
export function parseLearningRate(text: string): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(value) && value > 0 ? value : null;
}

export interface LearningRateFieldProps {
  /** Told whether the typed text is a usable rate, so Apply can wait for one. */
  onValidity(valid: boolean): void;
}

/** η for the update: typed freely, stored once it is a positive number. */
export const LearningRateField = memo(function LearningRateField({ onValidity }: LearningRateFieldProps) {
  const rate = useDebuggerStore((s) => s.learningRate);
  const setRate = useDebuggerStore((s) => s.setLearningRate);
  const [text, setText] = useState(String(rate));
  const id = useId();
  const parsed = parseLearningRate(text);

  // A new document brings its own default; what the user is typing is kept while it says the same.
  useEffect(() => {
    setText((current) => (parseLearningRate(current) === rate ? current : String(rate)));
  }, [rate]);
  useEffect(() => onValidity(parsed !== null), [parsed, onValidity]);

  return (
    <div className="bs-dbg-rate" title="Learning rate η: the update is w ← w − η ∂E/∂w">
      <label htmlFor={id} className="bs-dbg-rate__label">
        <span aria-hidden="true">η</span>
        <span className="bs-visually-hidden">Learning rate</span>
      </label>
      <input
        id={id}
        className="bs-dbg-rate__input"
        inputMode="decimal"
        value={text}
        aria-invalid={parsed === null}
        onChange={(event) => {
          setText(event.target.value);
          const value = parseLearningRate(event.target.value);
          if (value !== null) setRate(value);
        }}
      />
    </div>
  );
});
