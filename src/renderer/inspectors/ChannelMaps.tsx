import { memo, useLayoutEffect, useMemo, useRef } from 'react';
import type { ChannelMap } from '../../core/inspect/unit-health';
import { type ColorScale, colorScale } from '../debugger/heatmap-colors';
import { shortNumber } from './inspect-format';

export interface ChannelMapsProps {
  maps: readonly ChannelMap[];
  nodeTitle: string;
}

/** Channels drawn at most; the rest are counted. */
const MAX_CHANNELS = 32;
/** Screen size of the longer side of each map. */
const MAP_SIZE = 72;

/** One channel as a heatmap: a canvas pixel per value, scaled up without smoothing. */
const ChannelCanvas = memo(function ChannelCanvas({ map, scale }: { map: ChannelMap; scale: ColorScale }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useLayoutEffect(() => {
    const context = ref.current?.getContext('2d');
    if (!context) return;
    const image = context.createImageData(map.width, map.height);
    for (let i = 0; i < map.values.length; i++) {
      const [r, g, b] = scale.color(map.values[i]);
      image.data.set([r, g, b, 255], i * 4);
    }
    context.putImageData(image, 0, 0);
  }, [map, scale]);
  const cell = Math.max(1, Math.floor(MAP_SIZE / Math.max(map.width, map.height)));
  return (
    <canvas
      ref={ref}
      className="bs-insp-maps__canvas"
      width={map.width}
      height={map.height}
      style={{ width: map.width * cell, height: map.height * cell }}
    />
  );
});

/** A conv layer's output for the first sample, one heatmap per channel on one shared colour scale. */
export const ChannelMaps = memo(function ChannelMaps({ maps, nodeTitle }: ChannelMapsProps) {
  const shown = useMemo(() => maps.slice(0, MAX_CHANNELS), [maps]);
  const scale = useMemo(() => {
    const all = new Float32Array(shown.reduce((n, m) => n + m.values.length, 0));
    let at = 0;
    for (const m of shown) {
      all.set(m.values, at);
      at += m.values.length;
    }
    return colorScale(all);
  }, [shown]);
  return (
    <figure className="bs-insp-maps" aria-label={`Feature maps of ${nodeTitle}`}>
      <figcaption className="bs-insp-caption">
        Feature maps, first sample ({maps.length} channel{maps.length === 1 ? '' : 's'}
        {maps.length > shown.length ? `, first ${shown.length} shown` : ''})
      </figcaption>
      <div className="bs-insp-maps__grid">
        {shown.map((map) => (
          <div key={map.channel} className="bs-insp-maps__cell">
            <ChannelCanvas map={map} scale={scale} />
            <span>ch {map.channel + 1}</span>
          </div>
        ))}
      </div>
      <div className="bs-insp-legend">
        <span>{shortNumber(scale.min)}</span>
        <span className="bs-insp-legend__bar" style={{ background: scale.gradient() }} />
        <span>{shortNumber(scale.max)}</span>
      </div>
    </figure>
  );
});
