import { memo, useEffect, useRef } from 'react';
import { drawPoints, frameOf, prepareCanvas } from './plane-drawing';

export interface PointsPreviewProps {
  xy: Float32Array;
  labels: Uint8Array;
  size?: number;
}

/** The 2D set's points before training: orange for one class, blue for the other. */
export const PointsPreview = memo(function PointsPreview({ xy, labels, size = 180 }: PointsPreviewProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas && prepareCanvas(canvas, size);
    if (!ctx) return;
    ctx.fillStyle = '#f8f9fb';
    ctx.fillRect(0, 0, size, size);
    drawPoints(ctx, { xy, labels }, frameOf(xy), size, 2.5);
  }, [xy, labels, size]);
  const positives = labels.reduce((n, l) => n + l, 0);
  return (
    <figure className="bs-train__preview">
      <canvas
        ref={ref}
        className="bs-train__plane"
        style={{ width: size, height: size }}
        role="img"
        aria-label={`${labels.length} points: ${positives} blue, ${labels.length - positives} orange`}
      />
      <figcaption className="bs-muted">
        {labels.length} points · <span className="bs-train__dot bs-train__dot--positive" /> {positives}{' '}
        <span className="bs-train__dot bs-train__dot--negative" /> {labels.length - positives}
      </figcaption>
    </figure>
  );
});
