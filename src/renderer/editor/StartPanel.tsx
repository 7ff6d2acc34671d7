import { memo } from 'react';
import { useLayoutStore } from '../stores/layout-store';
import { useUiStore } from '../stores/ui-store';

/** What the empty canvas offers: a worked example to explore, or the way to start from nothing. */
export const StartPanel = memo(function StartPanel() {
  const showExamples = useUiStore((s) => s.showExamples);
  const paletteVisible = useLayoutStore((s) => s.paletteVisible);
  const togglePalette = useLayoutStore((s) => s.togglePalette);
  return (
    <section className="bs-start" aria-labelledby="bs-start-title">
      <h2 id="bs-start-title">Build a network, then watch it compute</h2>
      <button type="button" className="bs-button bs-button--primary bs-start__primary" onClick={showExamples}>
        Open an example
      </button>
      <p className="bs-start__hint">
        Start from scratch: drag an Input from the palette onto the canvas, add layers after it, and connect each node's
        right handle to the next one's left handle.
      </p>
      {!paletteVisible && (
        <button type="button" className="bs-button bs-start__secondary" onClick={togglePalette}>
          Show the palette
        </button>
      )}
    </section>
  );
});
