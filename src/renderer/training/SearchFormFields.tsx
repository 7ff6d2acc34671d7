import { memo, useId } from 'react';
import { nodeKinds } from '../../core/layers/registry';
import type { SearchMethod } from '../../core/train/search/proposers';
import { useSearchStore } from '../stores/search-store';
import { type Choice, ChoiceSetting } from './ChoiceSetting';
import { SettingField } from './SettingField';
import type { SearchForm } from './search-form';
import { optimizerChoices } from './setting-specs';

const methods: Choice<SearchMethod>[] = [
  { value: 'random', label: 'Random' },
  { value: 'grid', label: 'Grid (3 rates per range)' },
  { value: 'lipo', label: 'LIPO (model-based)' },
];

function TextField({
  field,
  label,
  help,
  placeholder,
}: {
  field: keyof SearchForm;
  label: string;
  help?: string;
  placeholder?: string;
}) {
  const id = useId();
  const value = useSearchStore((s) => s.form[field]);
  const error = useSearchStore((s) => (s.formError?.field === field ? s.formError.message : null));
  const setForm = useSearchStore((s) => s.setForm);
  return (
    <SettingField id={id} label={label} error={error} help={help}>
      <input
        id={id}
        type="text"
        spellCheck={false}
        autoComplete="off"
        value={String(value)}
        placeholder={placeholder}
        aria-invalid={error ? true : undefined}
        onChange={(e) => setForm({ [field]: e.target.value })}
      />
    </SettingField>
  );
}

function Toggles<T extends string>({
  legend,
  options,
  chosen,
  onChange,
}: {
  legend: string;
  options: readonly Choice<T>[];
  chosen: readonly T[];
  onChange(next: T[]): void;
}) {
  return (
    <fieldset className="bs-train__features">
      <legend className="bs-field__label">{legend}</legend>
      {options.map((o) => (
        <label key={o.value} className="bs-train__check">
          <input
            type="checkbox"
            checked={chosen.includes(o.value)}
            onChange={(e) =>
              onChange(
                options.map((x) => x.value).filter((v) => (v === o.value ? e.target.checked : chosen.includes(v))),
              )
            }
          />
          {o.label}
        </label>
      ))}
    </fieldset>
  );
}

/** What to search: the method, the ranges and lists, how many trials and how long each trains. */
export const SearchFormFields = memo(function SearchFormFields() {
  const form = useSearchStore((s) => s.form);
  const setForm = useSearchStore((s) => s.setForm);
  const activations = nodeKinds
    .filter((k) => k.category === 'activation' && k.type !== 'softmax' && k.type !== 'step')
    .map((k) => k.type)
    .map((t) => ({ value: t, label: t.replace('_', ' ') }));
  return (
    <div className="bs-train__form" aria-label="Search space">
      <ChoiceSetting label="Method" value={form.method} choices={methods} onChange={(method) => setForm({ method })} />
      <TextField field="rateMin" label="Rate from" placeholder="model's rate" />
      <TextField field="rateMax" label="Rate to" help="Searched on a log scale; leave both empty to keep the rate." />
      <TextField field="batchSizes" label="Batch sizes" placeholder="keep the model's" help="e.g. 8, 32, full" />
      <TextField
        field="units"
        label="Hidden units"
        placeholder="keep the model's"
        help="e.g. 4, 8, 16: every hidden dense layer."
      />
      <Toggles
        legend="Activations"
        options={activations}
        chosen={form.activations}
        onChange={(next) => setForm({ activations: next })}
      />
      <Toggles
        legend="Optimizers"
        options={optimizerChoices}
        chosen={form.optimizers}
        onChange={(next) => setForm({ optimizers: next })}
      />
      <TextField field="trials" label="Trials" />
      <TextField field="epochs" label="Epochs / trial" placeholder="the model's" />
    </div>
  );
});
