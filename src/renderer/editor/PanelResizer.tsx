import { type KeyboardEvent, memo, type PointerEvent } from 'react';

export interface PanelResizerProps {
  label: string;
  width: number;
  range: { min: number; max: number; initial: number };
  /** 1 when moving right widens the panel, -1 when it narrows it. */
  direction: 1 | -1;
  onResize(width: number): void;
}

const KEY_STEP = 16;

/** The drag handle on a side panel's edge; arrow keys resize it too, and a double click resets it. */
export const PanelResizer = memo(function PanelResizer({
  label,
  width,
  range,
  direction,
  onResize,
}: PanelResizerProps) {
  const onPointerDown = (event: PointerEvent<HTMLDivElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    const handle = event.currentTarget;
    const startX = event.clientX;
    const startWidth = width;
    handle.setPointerCapture(event.pointerId);
    handle.classList.add('is-dragging');
    const onMove = (move: globalThis.PointerEvent) => onResize(startWidth + direction * (move.clientX - startX));
    const onEnd = () => {
      handle.classList.remove('is-dragging');
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onEnd);
      handle.removeEventListener('pointercancel', onEnd);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onEnd);
    handle.addEventListener('pointercancel', onEnd);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const step = event.shiftKey ? KEY_STEP * 4 : KEY_STEP;
    if (event.key === 'ArrowRight') onResize(width + direction * step);
    else if (event.key === 'ArrowLeft') onResize(width - direction * step);
    else return;
    event.preventDefault();
  };
  return (
    <div
      role="separator"
      tabIndex={0}
      aria-orientation="vertical"
      aria-label={label}
      aria-valuenow={width}
      aria-valuemin={range.min}
      aria-valuemax={range.max}
      className={`bs-resizer bs-resizer--${direction === 1 ? 'right' : 'left'}`}
      onPointerDown={onPointerDown}
      onKeyDown={onKeyDown}
      onDoubleClick={() => onResize(range.initial)}
      title="Drag to resize; double-click to reset"
    />
  );
});
