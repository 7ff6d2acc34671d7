import { memo, type ReactNode } from 'react';
import type { FieldSpec } from './config-fields';

export interface ConfigFieldProps {
  nodeId: string;
  spec: FieldSpec;
  /** The text shown: what was typed, or the stored value formatted. */
  text: string;
  checked: boolean;
  error?: string;
  onText(spec: FieldSpec, text: string): void;
  onValue(spec: FieldSpec, value: unknown): void;
  onFocus(spec: FieldSpec): void;
  onBlur(spec: FieldSpec): void;
}

/** One config field: its control, its description, and the schema's message when the value is refused. */
export const ConfigField = memo(function ConfigField(props: ConfigFieldProps) {
  const { nodeId, spec, text, checked, error, onText, onValue, onFocus, onBlur } = props;
  const id = `bs-field-${nodeId}-${spec.key}`;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const describedBy = [spec.description ? helpId : '', error ? errorId : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, 'aria-describedby': describedBy, 'aria-invalid': error ? true : undefined };

  let control: ReactNode;
  if (spec.control === 'boolean') {
    control = <input {...common} type="checkbox" checked={checked} onChange={(e) => onValue(spec, e.target.checked)} />;
  } else if (spec.control === 'choice') {
    control = (
      <select {...common} value={text} onChange={(e) => onValue(spec, e.target.value)}>
        {!spec.required && text === '' && <option value="">default</option>}
        {spec.options.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    );
  } else {
    control = (
      <input
        {...common}
        type="text"
        inputMode={spec.control === 'number' ? 'decimal' : undefined}
        spellCheck={false}
        autoComplete="off"
        value={text}
        placeholder={spec.required ? spec.hint : `${spec.hint} (optional)`}
        onChange={(e) => onText(spec, e.target.value)}
        onFocus={() => onFocus(spec)}
        onBlur={() => onBlur(spec)}
      />
    );
  }

  return (
    <div className={`bs-field bs-field--${spec.control}${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="bs-field__label">
        {spec.label}
      </label>
      <div className="bs-field__control">{control}</div>
      {error && (
        <p id={errorId} className="bs-field__error" role="alert">
          {error}
        </p>
      )}
      {spec.description && (
        <p id={helpId} className="bs-field__help">
          {spec.description}
        </p>
      )}
    </div>
  );
});
