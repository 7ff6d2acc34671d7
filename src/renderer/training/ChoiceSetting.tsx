import { useId } from 'react';

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export interface ChoiceSettingProps<T extends string> {
  label: string;
  value: T;
  choices: readonly Choice<T>[];
  help?: string;
  disabled?: boolean;
  onChange(value: T): void;
}

/** A labelled select over a fixed set of choices. */
export function ChoiceSetting<T extends string>({
  label,
  value,
  choices,
  help,
  disabled,
  onChange,
}: ChoiceSettingProps<T>) {
  const id = useId();
  return (
    <div className="bs-field bs-train__field">
      <label htmlFor={id} className="bs-field__label">
        {label}
      </label>
      <div className="bs-field__control">
        <select
          id={id}
          value={value}
          disabled={disabled}
          onChange={(e) => onChange(choices.find((c) => c.value === e.target.value)?.value ?? value)}
        >
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
      {help && <p className="bs-field__help">{help}</p>}
    </div>
  );
}
