import { type DragEvent, memo, useMemo, useState } from 'react';
import type { AnyNodeKind, NodeCategory } from '../../core/layers/kind';
import { nodeKinds } from '../../core/layers/registry';
import { categoryTitles, NODE_KIND_MIME } from './node-data';

export interface PaletteProps {
  /** Called when an entry is clicked: the host places the node at the centre of the view. */
  onAdd(type: string): void;
}

const categories = Object.keys(categoryTitles) as NodeCategory[];

function onDragStart(event: DragEvent<HTMLButtonElement>, type: string): void {
  event.dataTransfer.setData(NODE_KIND_MIME, type);
  event.dataTransfer.setData('text/plain', type);
  event.dataTransfer.effectAllowed = 'copy';
}

function matches(kind: AnyNodeKind, query: string): boolean {
  const q = query.trim().toLowerCase();
  return !q || kind.label.toLowerCase().includes(q) || kind.type.includes(q) || kind.summary.toLowerCase().includes(q);
}

/** Every node kind in the registry, grouped by category: drag one onto the canvas or click it. */
export const Palette = memo(function Palette({ onAdd }: PaletteProps) {
  const [query, setQuery] = useState('');
  const groups = useMemo(
    () =>
      categories
        .map((category) => ({ category, kinds: nodeKinds.filter((k) => k.category === category && matches(k, query)) }))
        .filter((g) => g.kinds.length > 0),
    [query],
  );
  return (
    <nav className="bs-palette" aria-label="Node palette">
      <div className="bs-palette__search">
        <input
          type="search"
          placeholder="Find a node…"
          aria-label="Find a node"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <div className="bs-palette__groups">
        {groups.map(({ category, kinds }) => (
          <section key={category} className={`bs-palette__group bs-palette__group--${category}`}>
            <h2 className="bs-panel-heading">{categoryTitles[category]}</h2>
            <ul>
              {kinds.map((kind) => (
                <li key={kind.type}>
                  <button
                    type="button"
                    className="bs-palette__item"
                    draggable
                    title={kind.summary}
                    onDragStart={(e) => onDragStart(e, kind.type)}
                    onClick={() => onAdd(kind.type)}
                  >
                    <span className="bs-palette__swatch" aria-hidden="true" />
                    {kind.label}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ))}
        {groups.length === 0 && <p className="bs-palette__none">No node matches “{query}”.</p>}
      </div>
      <p className="bs-palette__hint">Drag onto the canvas, or click to add at the centre.</p>
    </nav>
  );
});
