import 'katex/dist/katex.min.css';
import katex from 'katex';
import { memo, useLayoutEffect, useRef } from 'react';

export interface TexProps {
  tex: string;
  /** Display style (centred, full-size fractions) rather than inline. */
  block?: boolean;
  className?: string;
}

/**
 * KaTeX into a span. katex.render builds DOM nodes and sets their styles through the CSSOM, which
 * a strict style-src allows; renderToString's markup carries style attributes that it blocks.
 */
export const Tex = memo(function Tex({ tex, block = false, className }: TexProps) {
  const ref = useRef<HTMLSpanElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    katex.render(tex, ref.current, { displayMode: block, throwOnError: false, strict: 'ignore', trust: false });
  }, [tex, block]);
  return <span ref={ref} className={className} />;
});
