import { memo, useEffect, useRef } from 'react';
import { examples } from '../examples/examples';
import { useUiStore } from '../stores/ui-store';

export interface ExamplesDialogProps {
  onOpen(fileName: string): void;
}

/** The bundled example models, each with its name and what it shows; choosing one opens it. */
export const ExamplesDialog = memo(function ExamplesDialog({ onOpen }: ExamplesDialogProps) {
  const open = useUiStore((s) => s.examplesOpen);
  const close = useUiStore((s) => s.closeExamples);
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);
  return (
    <dialog ref={ref} className="bs-dialog bs-examples" onClose={close} aria-labelledby="bs-examples-title">
      {open && (
        <>
          <h2 id="bs-examples-title">Open an example</h2>
          <p className="bs-examples__intro">
            Each one is a complete model with a sample to run. Opening it replaces the graph on the canvas.
          </p>
          <ul className="bs-examples__list">
            {examples.map((example) => (
              <li key={example.fileName}>
                <button type="button" className="bs-examples__item" onClick={() => onOpen(example.fileName)}>
                  <span className="bs-examples__name">{example.title}</span>
                  {example.summary && <span className="bs-examples__summary">{example.summary}</span>}
                  <span className="bs-examples__file">{example.fileName}</span>
                </button>
              </li>
            ))}
          </ul>
          <div className="bs-dialog__actions">
            <button type="button" className="bs-button" onClick={close}>
              Cancel
            </button>
          </div>
        </>
      )}
    </dialog>
  );
});
