import { memo, useCallback, useRef } from 'react';
import './dock.css';
import { DOCK_HEIGHT, useDockStore } from './dock-store';
import { dockTabs } from './dock-tabs';

/** The panels under the canvas: a tab strip, and the open tab's panel at a height the user drags. */
export const Dock = memo(function Dock() {
  const { openTabId, height, toggle, setHeight } = useDockStore();
  const open = dockTabs.find((t) => t.id === openTabId);
  const dragStart = useRef<{ y: number; height: number } | null>(null);
  const onPointerDown = useCallback(
    (e: React.PointerEvent) => {
      dragStart.current = { y: e.clientY, height };
      e.currentTarget.setPointerCapture(e.pointerId);
    },
    [height],
  );
  const onPointerMove = useCallback(
    (e: React.PointerEvent) => {
      if (dragStart.current) setHeight(dragStart.current.height + dragStart.current.y - e.clientY);
    },
    [setHeight],
  );
  const onKeyDown = useCallback(
    (e: React.KeyboardEvent) => {
      if (e.key === 'ArrowUp') setHeight(height + 20);
      if (e.key === 'ArrowDown') setHeight(height - 20);
    },
    [height, setHeight],
  );
  if (dockTabs.length === 0) return null;
  return (
    <section className="bs-dock" aria-label="Panels">
      {open && (
        <div
          className="bs-dock__resizer"
          role="separator"
          aria-orientation="horizontal"
          aria-label="Resize the panels"
          aria-valuemin={DOCK_HEIGHT.min}
          aria-valuemax={DOCK_HEIGHT.max}
          aria-valuenow={height}
          tabIndex={0}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={() => {
            dragStart.current = null;
          }}
          onKeyDown={onKeyDown}
        />
      )}
      <div className="bs-dock__tabs" role="tablist">
        {dockTabs.map((tab) => (
          <button
            key={tab.id}
            type="button"
            role="tab"
            aria-selected={tab.id === openTabId}
            className="bs-dock__tab"
            title={tab.hint}
            onClick={() => toggle(tab.id)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {open && (
        <div className="bs-dock__panel" role="tabpanel" aria-label={open.label} style={{ height }}>
          <open.Panel />
        </div>
      )}
    </section>
  );
});
