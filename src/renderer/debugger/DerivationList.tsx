import { memo } from 'react';
import { Tex } from './Tex';
import type { Derivation } from './tex';

export interface DerivationListProps {
  derivations: Derivation[];
  /** A heading over the list. */
  title?: string;
}

/** Worked equations, each under a caption, one after another. */
export const DerivationList = memo(function DerivationList({ derivations, title }: DerivationListProps) {
  if (derivations.length === 0) return null;
  return (
    <ol className="bs-dbg-derivations" aria-label={title}>
      {title && <li className="bs-dbg-derivations__title">{title}</li>}
      {derivations.map((d) => (
        <li key={`${d.caption}:${d.tex}`} className="bs-dbg-derivation">
          <span className="bs-dbg-derivation__caption">{d.caption}</span>
          <Tex tex={d.tex} block className="bs-dbg-derivation__math" />
        </li>
      ))}
    </ol>
  );
});
