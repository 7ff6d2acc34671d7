import { useId } from 'react';

export interface CheckSettingProps {
  label: string;
  checked: boolean;
  help?: string;
  onChange(checked: boolean): void;
}

/** A labelled checkbox laid out like the other settings. */
export function CheckSetting({ label, checked, help, onChange }: CheckSettingProps) {
  const id = useId();
  return (
    <div className="bs-field bs-train__field">
      <label htmlFor={id} className="bs-field__label">
        {label}
      </label>
      <div className="bs-field__control">
        <input id={id} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      </div>
      {help && <p className="bs-field__help">{help}</p>}
    </div>
  );
}
