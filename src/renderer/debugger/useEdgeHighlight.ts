import { useEffect, useMemo } from 'react';
import { edgeId, useGraphStore } from '../stores/graph-store';

/**
 * Marks the edges into the node a step just ran: the values it read on the way forward, the
 * gradients it sent back on the way back. A constructed style sheet does it, so the canvas needs
 * no prop for it and a strict style-src still allows it.
 */
export function useEdgeHighlight(nodeId: string | null, direction: 'forward' | 'backward' | null): void {
  const edges = useGraphStore((s) => s.model.edges);
  const sheet = useMemo(() => (typeof CSSStyleSheet === 'undefined' ? null : new CSSStyleSheet()), []);

  useEffect(() => {
    if (!sheet) return;
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    return () => {
      document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }, [sheet]);

  useEffect(() => {
    if (!sheet) return;
    const ids = nodeId && direction ? edges.filter((e) => e.to === nodeId).map(edgeId) : [];
    const selectors = ids.map((id) => `.react-flow__edge[data-id="${CSS.escape(id)}"] .react-flow__edge-path`);
    sheet.replaceSync(
      selectors.length
        ? `${selectors.join(',\n')} { stroke: var(--bs-dbg-${direction}); stroke-width: 3px; stroke-dasharray: 7 5; animation: bs-dbg-flow-${direction} 0.7s linear infinite; }`
        : '',
    );
  }, [sheet, edges, nodeId, direction]);
}
