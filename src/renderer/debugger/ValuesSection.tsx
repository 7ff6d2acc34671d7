import type { ReactNode } from 'react';

export interface ValuesSectionProps {
  title: string;
  /** Short text at the right: the step number, the learning rate. */
  badge?: string;
  tone: 'forward' | 'backward' | 'update';
  open: boolean;
  children: ReactNode;
}

/** A collapsible part of the node's values; the part the last step made starts open. */
export function ValuesSection({ title, badge, tone, open, children }: ValuesSectionProps) {
  return (
    <details className={`bs-dbg-section bs-dbg-section--${tone}`} open={open}>
      <summary className="bs-dbg-section__head">
        <span className="bs-dbg-section__title">{title}</span>
        {badge && <span className="bs-dbg-section__badge">{badge}</span>}
      </summary>
      {children}
    </details>
  );
}
