import { memo, type ReactNode } from 'react';
import { PanelResizer } from './PanelResizer';

export interface SidePanelProps {
  area: 'palette' | 'inspector';
  /** Names the resize handle for assistive tech. */
  label: string;
  width: number;
  range: { min: number; max: number; initial: number };
  onResize(width: number): void;
  children: ReactNode;
}

/** A panel beside the canvas with a handle on its canvas side to drag it wider or narrower. */
export const SidePanel = memo(function SidePanel({ area, label, width, range, onResize, children }: SidePanelProps) {
  return (
    <div className={`bs-side bs-side--${area}`}>
      {children}
      <PanelResizer
        label={label}
        width={width}
        range={range}
        // The palette grows to the right, the inspector to the left.
        direction={area === 'palette' ? 1 : -1}
        onResize={onResize}
      />
    </div>
  );
});
