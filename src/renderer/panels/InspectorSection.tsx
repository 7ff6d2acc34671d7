import type { ReactNode } from 'react';

export interface InspectorSectionProps {
  title: string;
  /** Short text at the right of the heading (a total, a count). */
  aside?: ReactNode;
  children: ReactNode;
}

export function InspectorSection({ title, aside, children }: InspectorSectionProps) {
  return (
    <section className="bs-inspector__section">
      <header className="bs-inspector__section-head">
        <h3 className="bs-panel-heading">{title}</h3>
        {aside !== undefined && <span className="bs-inspector__aside">{aside}</span>}
      </header>
      {children}
    </section>
  );
}
