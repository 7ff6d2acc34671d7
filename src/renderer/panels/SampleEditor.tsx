import './sample-editor.css';
import { type KeyboardEvent, memo, useEffect, useMemo, useState } from 'react';
import { runAction } from '../actions/registry';
import { type CompiledGraph, useCompiledGraph } from '../stores/compiled-graph';
import { useGraphStore } from '../stores/graph-store';
import { checkSampleDraft, draftOf, exampleRows, type SampleDraft, type SampleField } from './sample-text';

export interface SampleEditorProps {
  /** The input node the rows feed. */
  nodeId: string;
}

/** The shape one target row has: the prediction the (first) loss compares it with, less the batch. */
function targetRowShape(compiled: CompiledGraph): number[] | undefined {
  const lossId = compiled.plan?.lossIds[0];
  const predictionId = lossId ? compiled.plan?.byId.get(lossId)?.inputs[0] : undefined;
  return predictionId ? compiled.shapes.get(predictionId)?.slice(1) : undefined;
}

const labels: Record<SampleField, string> = { input: 'Input rows', target: 'Target rows' };

/**
 * The model's sample, the input and target rows a pass runs on, as JSON text. Typing edits a
 * draft; Apply (or Ctrl+Enter) stores it as one undoable edit once it fits the graph.
 */
export const SampleEditor = memo(function SampleEditor({ nodeId }: SampleEditorProps) {
  const model = useGraphStore((s) => s.model);
  const compiled = useCompiledGraph();
  const stored = model.sample;
  const [draft, setDraft] = useState<SampleDraft | null>(null);
  // Undo, redo or another document replaces the sample: show what is stored now.
  useEffect(() => setDraft(null), [stored]);

  const shown = draft ?? draftOf(stored);
  const check = useMemo(() => (draft ? checkSampleDraft(model, draft) : null), [model, draft]);
  const canApply = check?.ok === true;
  const placeholders: SampleDraft = {
    input: exampleRows(compiled.shapes.get(nodeId)?.slice(1)),
    target: exampleRows(targetRowShape(compiled)),
  };

  const apply = () => {
    if (check?.ok) runAction('set-sample', { sample: check.sample });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      apply();
    } else if (event.key === 'Escape') setDraft(null);
  };

  return (
    <div className="bs-sample">
      {(['input', 'target'] as const).map((field) => {
        const id = `bs-sample-${field}`;
        const error = check && !check.ok && check.field === field ? check.message : undefined;
        return (
          <div key={field} className={`bs-sample__field${error ? ' has-error' : ''}`}>
            <label htmlFor={id} className="bs-field__label">
              {labels[field]}
            </label>
            <textarea
              id={id}
              rows={Math.min(6, Math.max(2, shown[field].split('\n').length))}
              spellCheck={false}
              autoComplete="off"
              value={shown[field]}
              placeholder={placeholders[field]}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(e) => setDraft({ ...shown, [field]: e.target.value })}
              onKeyDown={onKeyDown}
            />
            {error && (
              <p id={`${id}-error`} className="bs-field__error" role="alert">
                {error}
              </p>
            )}
          </div>
        );
      })}
      <p className="bs-field__help">
        One row per sample, as JSON. The debugger and a training run without a dataset use these rows.
      </p>
      <div className="bs-sample__actions">
        <button type="button" className="bs-button bs-button--primary" disabled={!canApply} onClick={apply}>
          Apply sample
        </button>
        {draft && (
          <button type="button" className="bs-button" onClick={() => setDraft(null)}>
            Discard
          </button>
        )}
      </div>
    </div>
  );
});
