import { useCallback, useState } from 'react';

/** A ref callback and the content width of the element it is on, kept current as its panel is resized. */
export function useElementWidth<E extends HTMLElement>(fallback: number): [(element: E | null) => () => void, number] {
  const [width, setWidth] = useState(fallback);
  const ref = useCallback(
    (element: E | null) => {
      if (!element || typeof ResizeObserver === 'undefined') return () => {};
      setWidth(element.clientWidth || fallback);
      const observer = new ResizeObserver(([entry]) => setWidth(entry.contentRect.width || fallback));
      observer.observe(element);
      return () => observer.disconnect();
    },
    [fallback],
  );
  return [ref, width];
}
