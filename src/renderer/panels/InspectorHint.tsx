import type { ReactNode } from 'react';

/** A short title and a sentence or two, for when there is no single node to show. */
export function InspectorHint({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="bs-inspector__hint">
      <h2>{title}</h2>
      <p>{children}</p>
    </div>
  );
}
