import { memo } from 'react';
import { CheckSetting } from './CheckSetting';
import { ListSetting } from './ListSetting';
import { NumberSetting } from './NumberSetting';
import type { SettingSpec } from './setting-specs';

export interface SpecFieldsProps {
  specs: readonly SettingSpec[];
  values: Readonly<Record<string, unknown>>;
  /** Stores one value (undefined clears it); returns why it was refused, or null. */
  onCommit(key: string, value: unknown): string | null;
}

/** The fields a list of setting specs describes, each bound to its value. */
export const SpecFields = memo(function SpecFields({ specs, values, onCommit }: SpecFieldsProps) {
  return (
    <>
      {specs.map((spec) => {
        const value = values[spec.key];
        if (spec.kind === 'boolean') {
          return (
            <CheckSetting
              key={spec.key}
              label={spec.label}
              checked={value === true}
              help={spec.help}
              onChange={(checked) => onCommit(spec.key, checked || undefined)}
            />
          );
        }
        if (spec.kind === 'list') {
          return (
            <ListSetting
              key={spec.key}
              label={spec.label}
              values={Array.isArray(value) ? (value as number[]) : undefined}
              help={spec.help}
              onCommit={(list) => onCommit(spec.key, list)}
            />
          );
        }
        return (
          <NumberSetting
            key={spec.key}
            label={spec.label}
            value={typeof value === 'number' ? value : undefined}
            placeholder={spec.placeholder}
            integer={spec.kind === 'integer'}
            help={spec.help}
            onCommit={(n) => onCommit(spec.key, n)}
          />
        );
      })}
    </>
  );
});
