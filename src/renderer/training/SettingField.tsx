import type { ReactNode } from 'react';

export interface SettingFieldProps {
  /** The id of the control inside, which the label names. */
  id: string;
  label: string;
  error: string | null;
  help?: string;
  children: ReactNode;
}

/** The markup around one typed training setting: its label, the control, then what is wrong or a hint. */
export function SettingField({ id, label, error, help, children }: SettingFieldProps) {
  return (
    <div className={`bs-field bs-train__field${error ? ' has-error' : ''}`}>
      <label htmlFor={id} className="bs-field__label">
        {label}
      </label>
      <div className="bs-field__control">{children}</div>
      {error && (
        <p className="bs-field__error" role="alert">
          {error}
        </p>
      )}
      {help && !error && <p className="bs-field__help">{help}</p>}
    </div>
  );
}
