import { memo, useEffect, useRef } from 'react';

export interface DigitGridProps {
  pixels: Uint8Array;
  labels: Uint8Array;
  height: number;
  width: number;
  /** Images in the whole set, of which these are the first. */
  count: number;
}

const SCALE = 1.5;

function DigitImage({ pixels, height, width }: { pixels: Uint8Array; height: number; width: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (!ctx) return;
    const image = ctx.createImageData(width, height);
    pixels.forEach((v, i) => {
      const ink = 255 - v;
      image.data.set([ink, ink, ink, 255], 4 * i);
    });
    ctx.putImageData(image, 0, 0);
  }, [pixels, height, width]);
  return <canvas ref={ref} width={width} height={height} style={{ width: width * SCALE, height: height * SCALE }} />;
}

/** The first digit images with their labels, as the network will see them (28x28 grey levels). */
export const DigitGrid = memo(function DigitGrid({ pixels, labels, height, width, count }: DigitGridProps) {
  const size = height * width;
  return (
    <figure className="bs-train__preview">
      <ul className="bs-train__digits" aria-label="Digit images">
        {Array.from(labels, (label, i) => (
          <li key={i} className="bs-train__digit">
            <DigitImage pixels={pixels.subarray(i * size, (i + 1) * size)} height={height} width={width} />
            <span className="bs-mono">{label}</span>
          </li>
        ))}
      </ul>
      <figcaption className="bs-muted">
        The first {labels.length} of {count.toLocaleString('en-US')} images, {height}×{width} pixels
      </figcaption>
    </figure>
  );
});
