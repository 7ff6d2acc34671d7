import { memo, useRef, useState } from 'react';
import { runAction } from '../actions/registry';

export interface NameFieldProps {
  nodeId: string;
  name: string;
}

/** The node's name, renamed as you type; empty shows the id instead. Mount with key={nodeId}. */
export const NameField = memo(function NameField({ nodeId, name }: NameFieldProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const focusCount = useRef(0);
  return (
    <input
      className="bs-inspector__name"
      aria-label="Node name"
      value={draft ?? name}
      placeholder={nodeId}
      spellCheck={false}
      onFocus={() => {
        focusCount.current++;
      }}
      onChange={(e) => {
        setDraft(e.target.value);
        runAction('rename', { nodeId, name: e.target.value, mergeKey: `name:${nodeId}:${focusCount.current}` });
      }}
      onBlur={() => setDraft(null)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === 'Escape') e.currentTarget.blur();
      }}
    />
  );
});
