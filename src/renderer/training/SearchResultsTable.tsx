import { memo, useMemo, useState } from 'react';
import type { TrialResult } from '../../core/train/search/search-model';
import { lossText, percent } from './run-format';

type Column = 'index' | 'learningRate' | 'batchSize' | 'units' | 'activation' | 'optimizer' | 'valLoss' | 'valAccuracy';

const columns: { key: Column; label: string; numeric: boolean }[] = [
  { key: 'index', label: 'Trial', numeric: true },
  { key: 'learningRate', label: 'Rate', numeric: true },
  { key: 'batchSize', label: 'Batch', numeric: true },
  { key: 'units', label: 'Units', numeric: true },
  { key: 'activation', label: 'Activation', numeric: false },
  { key: 'optimizer', label: 'Optimizer', numeric: false },
  { key: 'valLoss', label: 'Val. loss', numeric: true },
  { key: 'valAccuracy', label: 'Val. acc.', numeric: true },
];

function valueOf(t: TrialResult, key: Column): number | string | undefined {
  if (key === 'index' || key === 'valLoss' || key === 'valAccuracy') return t[key];
  const v = t.config[key];
  return v === 'full' ? Number.POSITIVE_INFINITY : v;
}

function cell(t: TrialResult, key: Column): string {
  if (key === 'index') return String(t.index + 1);
  if (key === 'valLoss') return t.error ? 'failed' : lossText(t.valLoss);
  if (key === 'valAccuracy') return percent(t.valAccuracy);
  const v = t.config[key];
  if (v === undefined) return '—';
  return typeof v === 'number' && key === 'learningRate' ? v.toPrecision(3) : String(v);
}

export interface SearchResultsTableProps {
  trials: TrialResult[];
  bestIndex: number | undefined;
  onApply(trial: TrialResult): void;
}

/** Every trial with its configuration and scores; click a heading to sort by it. */
export const SearchResultsTable = memo(function SearchResultsTable({
  trials,
  bestIndex,
  onApply,
}: SearchResultsTableProps) {
  const [sort, setSort] = useState<{ key: Column; ascending: boolean }>({ key: 'valLoss', ascending: true });
  const shown = columns.filter(
    (c) =>
      c.key === 'index' ||
      c.key === 'valLoss' ||
      c.key === 'valAccuracy' ||
      trials.some((t) => valueOf(t, c.key) !== undefined),
  );
  const rows = useMemo(() => {
    const sign = sort.ascending ? 1 : -1;
    return [...trials].sort((a, b) => {
      const x = valueOf(a, sort.key);
      const y = valueOf(b, sort.key);
      if (x === y) return a.index - b.index;
      if (x === undefined) return 1;
      if (y === undefined) return -1;
      return (x < y ? -1 : 1) * sign;
    });
  }, [trials, sort]);
  return (
    <div className="bs-train__table-wrap">
      <table className="bs-table bs-train__trials" aria-label="Search trials">
        <thead>
          <tr>
            {shown.map((c) => (
              <th
                key={c.key}
                scope="col"
                className={c.numeric ? 'bs-num' : undefined}
                aria-sort={sort.key === c.key ? (sort.ascending ? 'ascending' : 'descending') : 'none'}
              >
                <button
                  type="button"
                  className="bs-train__sort"
                  onClick={() =>
                    setSort((s) => ({
                      key: c.key,
                      ascending: s.key === c.key ? !s.ascending : c.key !== 'valAccuracy',
                    }))
                  }
                >
                  {c.label}
                  {sort.key === c.key ? (sort.ascending ? ' ▲' : ' ▼') : ''}
                </button>
              </th>
            ))}
            <th scope="col">
              <span className="bs-visually-hidden">Apply</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.index} className={t.index === bestIndex ? 'is-best' : undefined}>
              {shown.map((c) => (
                <td key={c.key} className={c.numeric ? 'bs-num bs-mono' : undefined}>
                  {cell(t, c.key)}
                </td>
              ))}
              <td>
                <button
                  type="button"
                  className="bs-train__link"
                  onClick={() => onApply(t)}
                  aria-label={`Apply trial ${t.index + 1}`}
                >
                  Apply
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
