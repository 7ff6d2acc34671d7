import { memo, useEffect, useId, useState } from 'react';
import { SettingField } from './SettingField';

export interface NumberSettingProps {
  label: string;
  value: number | undefined;
  /** Shown when the value is left out: the default that applies. */
  placeholder?: string;
  integer?: boolean;
  help?: string;
  /** Stores the value (undefined when the field is emptied); returns why it was refused, or null. */
  onCommit(value: number | undefined): string | null;
}

function format(value: number | undefined): string {
  return value === undefined ? '' : String(value);
}

/**
 * A number typed into the training section: each valid keystroke is stored (one undo step per
 * field), a refused or unreadable one keeps the text and says what is wrong with it.
 */
export const NumberSetting = memo(function NumberSetting(props: NumberSettingProps) {
  const { label, value, placeholder, integer, help, onCommit } = props;
  const id = useId();
  const [text, setText] = useState(format(value));
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) {
      setText(format(value));
      setError(null);
    }
  }, [value, focused]);

  function change(next: string): void {
    setText(next);
    const trimmed = next.trim();
    if (trimmed === '') {
      setError(onCommit(undefined));
      return;
    }
    const parsed = Number(trimmed);
    if (!Number.isFinite(parsed)) setError('must be a number');
    else if (integer && !Number.isInteger(parsed)) setError('must be a whole number');
    else setError(onCommit(parsed));
  }

  return (
    <SettingField id={id} label={label} error={error} help={help}>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        value={text}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        onChange={(e) => change(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
    </SettingField>
  );
});
