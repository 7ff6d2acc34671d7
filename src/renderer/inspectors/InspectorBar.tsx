import type { ReactNode } from 'react';

export interface InspectorBarProps {
  title: string;
  /** What the numbers below come from, in a few words. */
  meta?: ReactNode;
  children?: ReactNode;
}

/** The strip at the top of an inspector panel: its title, what it ran on, and its controls. */
export function InspectorBar({ title, meta, children }: InspectorBarProps) {
  return (
    <div className="bs-insp__bar">
      <h2 className="bs-insp__title">{title}</h2>
      {meta && <span className="bs-insp__meta">{meta}</span>}
      <div className="bs-insp__controls">{children}</div>
    </div>
  );
}
