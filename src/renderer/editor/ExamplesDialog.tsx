import { memo, useEffect, useRef } from 'react';
import { useUiStore } from '../stores/ui-store';
import { ExampleGallery } from './ExampleGallery';

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
            Templates grouped by the concept they demonstrate. Each one is a complete model with a sample to run;
            opening it replaces the graph on the canvas.
          </p>
          <ExampleGallery onOpen={onOpen} />
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
