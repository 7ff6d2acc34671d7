import { memo, useEffect, useRef } from 'react';
import { useTrainingStore } from '../stores/training-store';
import { drawGrid, drawPoints, prepareCanvas } from './plane-drawing';

const round = (v: number) => (Math.abs(v) >= 10 ? v.toFixed(0) : v.toFixed(1));

/**
 * What the network predicts over the plane, as the TensorFlow Playground draws it: each point of
 * a grid tinted by the predicted class and its confidence, the data on top (held-out samples as
 * rings). Redrawn each time the engine sends a new grid while training.
 */
export const DecisionBoundary = memo(function DecisionBoundary({ size }: { size: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  const boundary = useTrainingStore((s) => s.boundary);
  const points = useTrainingStore((s) => s.points);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas && prepareCanvas(canvas, size);
    if (!ctx) return;
    ctx.fillStyle = '#f8f9fb';
    ctx.fillRect(0, 0, size, size);
    if (!boundary) return;
    drawGrid(ctx, boundary.values, boundary.resolution, size);
    if (points) drawPoints(ctx, points, boundary, size, points.labels.length < 20 ? 6 : 3);
  }, [boundary, points, size]);
  if (!boundary) return null;
  const heldOut = points?.splits.some((s) => s > 0) ?? false;
  const [x0, x1] = boundary.xRange;
  const [y0, y1] = boundary.yRange;
  return (
    <figure className="bs-train__boundary">
      <figcaption className="bs-train__figure-title">Decision boundary</figcaption>
      <div className="bs-train__plane-frame">
        <span className="bs-train__axis bs-train__axis--y bs-mono" aria-hidden="true">
          <span>{round(y1)}</span>
          <span>x2</span>
          <span>{round(y0)}</span>
        </span>
        <canvas
          ref={ref}
          className="bs-train__plane"
          style={{ width: size, height: size }}
          role="img"
          aria-label={`Decision boundary after step ${boundary.step}`}
          data-testid="decision-boundary"
          data-step={boundary.step}
        />
      </div>
      <div className="bs-train__axis bs-train__axis--x bs-mono" aria-hidden="true" style={{ width: size }}>
        <span>{round(x0)}</span>
        <span>x1</span>
        <span>{round(x1)}</span>
      </div>
      <p className="bs-muted bs-train__legend">
        <span className="bs-train__dot bs-train__dot--positive" /> class 1 ·{' '}
        <span className="bs-train__dot bs-train__dot--negative" /> class 0{heldOut ? ' · rings: held out' : ''} · step{' '}
        {boundary.step.toLocaleString('en-US')}
      </p>
    </figure>
  );
});
