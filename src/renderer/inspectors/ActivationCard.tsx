import { memo } from 'react';
import type { ActivationStats } from '../../core/inspect/activation-stats';
import { MiniHistogram } from './MiniHistogram';
import { categoryColorOf, healthTag } from './unit-health';

export interface ActivationCardProps {
  stats: ActivationStats;
  title: string;
  category: string | undefined;
  selected: boolean;
  onSelect(nodeId: string): void;
}

/** One layer in the grid of every layer: its name, its output histogram and its health. */
export const ActivationCard = memo(function ActivationCard({
  stats,
  title,
  category,
  selected,
  onSelect,
}: ActivationCardProps) {
  const tag = healthTag(stats);
  return (
    <button
      type="button"
      className={`bs-insp-card${selected ? ' is-selected' : ''}`}
      aria-pressed={selected}
      onClick={() => onSelect(stats.nodeId)}
      data-testid={`activation-card-${stats.nodeId}`}
    >
      <span className="bs-insp-card__title">{title}</span>
      <span className="bs-insp-card__type">{stats.type}</span>
      <MiniHistogram
        histogram={stats.histogram}
        width={112}
        height={34}
        color={categoryColorOf(category)}
        label={`Histogram of ${title}'s output`}
      />
      <span className={`bs-insp-card__tag${tag.warn ? ' is-warn' : ''}`} title={tag.detail}>
        {tag.text}
      </span>
    </button>
  );
});
