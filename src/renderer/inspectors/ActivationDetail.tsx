import { memo, useMemo } from 'react';
import type { ActivationStats } from '../../core/inspect/activation-stats';
import { formatShape } from '../../core/tensor/shape';
import type { InspectSnapshot } from '../../protocol/inspect-messages';
import { PlotlyChart } from '../charts/PlotlyChart';
import { type PlotData } from '../charts/plotly-loader';
import { ChannelMaps } from './ChannelMaps';
import { CovariateShift } from './CovariateShift';
import { axis, baseLayout, inspectorChart } from './chart-style';
import { percent, shortNumber } from './inspect-format';
import { categoryColorOf } from './unit-health';

export interface ActivationDetailProps {
  stats: ActivationStats;
  title: string;
  category: string | undefined;
  /** The activation node fed by this node (or this node itself), whose input was recorded over training. */
  recordedId: string | undefined;
  recordedTitle: string;
  history: readonly InspectSnapshot[];
  onTrain: (() => void) | null;
}

const CHART_HEIGHT = 190;

/** Why the health numbers matter, in a sentence, for the kinds that have them. */
function healthSentence(stats: ActivationStats): string | undefined {
  if (stats.saturation) {
    const { share, threshold } = stats.saturation;
    if (share === 0) {
      return `No value is saturated: every input sits where the slope f′ is at least ${shortNumber(threshold)}, so the gradient gets through.`;
    }
    return (
      `${percent(share)} of the values are saturated: their input sits where the slope f′ is below ` +
      `${shortNumber(threshold)}, so almost no gradient passes back through them.`
    );
  }
  if (stats.dead) {
    const { dead, units } = stats.dead;
    if (dead.length === 0) return 'No unit is dead: each one is active for at least one sample of the batch.';
    return (
      `${dead.length} of ${units} units are dead: they output 0 for every sample of the batch, ` +
      'their slope is 0, and the weights feeding them stop learning.'
    );
  }
  return undefined;
}

/** The selected node's output: its histogram and numbers, its channels, and its input over training. */
export const ActivationDetail = memo(function ActivationDetail(props: ActivationDetailProps) {
  const { stats, title, category, recordedId, recordedTitle, history, onTrain } = props;
  const data = useMemo((): PlotData[] => {
    const h = stats.histogram;
    return [
      {
        type: 'bar',
        x: h.counts.map((_, i) => h.min + (i + 0.5) * h.binWidth),
        y: h.counts,
        width: h.counts.map(() => h.binWidth * 0.92),
        marker: { color: categoryColorOf(category) },
        hovertemplate: '%{x:.3g}: %{y} values<extra></extra>',
        name: 'values',
      },
    ];
  }, [stats, category]);
  const layout = useMemo(
    () =>
      baseLayout({
        showlegend: false,
        margin: { l: 44, r: 8, t: 8, b: 34 },
        xaxis: axis(`output of ${title}`),
        yaxis: axis('values'),
        bargap: 0,
      }),
    [title],
  );
  const sentence = healthSentence(stats);
  return (
    <section className="bs-insp-detail" aria-label={`Activations of ${title}`}>
      <header className="bs-insp-detail__head">
        <strong>{title}</strong>
        <span className="bs-insp-meta">
          {stats.type} · {formatShape(stats.shape)}
        </span>
      </header>
      <dl className="bs-insp-stats">
        <div>
          <dt>mean</dt>
          <dd>{shortNumber(stats.mean, 3)}</dd>
        </div>
        <div>
          <dt>std</dt>
          <dd>{shortNumber(stats.std, 3)}</dd>
        </div>
        <div>
          <dt>min</dt>
          <dd>{shortNumber(stats.min, 3)}</dd>
        </div>
        <div>
          <dt>max</dt>
          <dd>{shortNumber(stats.max, 3)}</dd>
        </div>
        {stats.saturation && (
          <div className={stats.saturation.share >= 0.1 ? 'is-warn' : ''}>
            <dt>saturated</dt>
            <dd>{percent(stats.saturation.share)}</dd>
          </div>
        )}
        {stats.dead && (
          <div className={stats.dead.dead.length > 0 ? 'is-warn' : ''}>
            <dt>dead</dt>
            <dd>{percent(stats.dead.share)}</dd>
          </div>
        )}
      </dl>
      {sentence && <p className="bs-insp-sentence">{sentence}</p>}
      <div className="bs-insp-detail__charts">
        <figure className="bs-insp-figure">
          <figcaption className="bs-insp-caption">Output histogram over the batch</figcaption>
          <PlotlyChart
            {...inspectorChart}
            data={data}
            layout={layout}
            label={`Output histogram of ${title}`}
            height={CHART_HEIGHT}
          />
        </figure>
        {stats.maps && <ChannelMaps maps={stats.maps} nodeTitle={title} />}
        {recordedId && history.length > 1 && (
          <CovariateShift nodeId={recordedId} title={recordedTitle} history={history} height={CHART_HEIGHT} />
        )}
        {recordedId && history.length <= 1 && (
          <div className="bs-insp-hint">
            <p>
              Train a few steps to watch the input of <strong>{recordedTitle}</strong> move as the layers before it
              learn (internal covariate shift).
            </p>
            {onTrain && (
              <button type="button" className="bs-button bs-button--outline" onClick={onTrain}>
                Train and record
              </button>
            )}
          </div>
        )}
      </div>
    </section>
  );
});
