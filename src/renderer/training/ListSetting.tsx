import { memo, useEffect, useId, useState } from 'react';
import { SettingField } from './SettingField';

export interface ListSettingProps {
  label: string;
  values: readonly number[] | undefined;
  help?: string;
  onCommit(values: number[]): string | null;
}

const format = (values: readonly number[] | undefined) => (values ?? []).join(', ');

/** Numbers typed as a comma-separated list ("500, 1000"), stored as each complete list is typed. */
export const ListSetting = memo(function ListSetting({ label, values, help, onCommit }: ListSettingProps) {
  const id = useId();
  const [text, setText] = useState(format(values));
  const [error, setError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  useEffect(() => {
    if (!focused) setText(format(values));
  }, [values, focused]);

  function change(next: string): void {
    setText(next);
    const parts = next.split(',').map((p) => p.trim());
    const numbers = parts.map(Number);
    if (parts.some((p) => p === '') || numbers.some((n) => !Number.isFinite(n))) {
      setError('must be numbers separated by commas');
      return;
    }
    setError(onCommit(numbers));
  }

  return (
    <SettingField id={id} label={label} error={error} help={help}>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoComplete="off"
        value={text}
        aria-invalid={error ? true : undefined}
        onChange={(e) => change(e.target.value)}
        onFocus={() => setFocused(true)}
        onBlur={() => setFocused(false)}
      />
    </SettingField>
  );
});
