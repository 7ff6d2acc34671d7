import { memo, useCallback, useRef, useState } from 'react';
import type { AnyNodeKind } from '../../core/layers/kind';
import { runAction } from '../actions/registry';
import { ConfigField } from './ConfigField';
import { type FieldSpec, fieldsOf, formatFieldValue, parseFieldText } from './config-fields';

export interface ConfigFormProps {
  nodeId: string;
  kind: AnyNodeKind;
  config: Record<string, unknown>;
}

function withField(config: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const next = { ...config };
  if (value === undefined) delete next[key];
  else next[key] = value;
  return next;
}

/**
 * The node's config as a form made from its kind's schema. Every keystroke is checked; a value
 * the schema accepts is applied at once (shapes update as you type), one it refuses stays in the
 * field with the reason under it and the graph keeps the last good value. Mount it with
 * key={nodeId} so typed text does not follow the selection to another node.
 */
export const ConfigForm = memo(function ConfigForm({ nodeId, kind, config }: ConfigFormProps) {
  const fields = fieldsOf(kind);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  // Typing between focusing a field and leaving it is one undo entry.
  const focusCount = useRef(0);

  const apply = useCallback(
    (spec: FieldSpec, value: unknown) => {
      const outcome = runAction('update-config', {
        nodeId,
        config: withField(config, spec.key, value),
        mergeKey: `config:${nodeId}:${spec.key}:${focusCount.current}`,
      });
      setErrors((prev) => {
        const { [spec.key]: _cleared, ...rest } = prev;
        return outcome.ok ? rest : { ...rest, [spec.key]: outcome.fieldErrors?.[spec.key] ?? outcome.reason };
      });
    },
    [nodeId, config],
  );

  const onText = useCallback(
    (spec: FieldSpec, text: string) => {
      setDrafts((prev) => ({ ...prev, [spec.key]: text }));
      apply(spec, parseFieldText(spec, text));
    },
    [apply],
  );

  const onValue = useCallback(
    (spec: FieldSpec, value: unknown) => {
      focusCount.current++;
      apply(spec, spec.control === 'choice' && value === '' ? undefined : value);
    },
    [apply],
  );

  const onFocus = useCallback(() => {
    focusCount.current++;
  }, []);

  const onBlur = useCallback(
    (spec: FieldSpec) => {
      if (errors[spec.key]) return;
      setDrafts(({ [spec.key]: _done, ...rest }) => rest);
    },
    [errors],
  );

  if (fields.length === 0) return <p className="bs-inspector__muted">{kind.label} has no settings.</p>;
  return (
    <form className="bs-form" onSubmit={(e) => e.preventDefault()} aria-label={`${kind.label} settings`}>
      {fields.map((spec) => (
        <ConfigField
          key={spec.key}
          nodeId={nodeId}
          spec={spec}
          text={drafts[spec.key] ?? formatFieldValue(config[spec.key])}
          checked={config[spec.key] === true}
          error={errors[spec.key]}
          onText={onText}
          onValue={onValue}
          onFocus={onFocus}
          onBlur={onBlur}
        />
      ))}
    </form>
  );
});
