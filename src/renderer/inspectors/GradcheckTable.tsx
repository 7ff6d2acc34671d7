import { memo } from 'react';
import type { GradcheckResult } from '../../protocol/inspect-messages';
import { shortNumber } from './inspect-format';

export interface GradcheckTableProps {
  result: GradcheckResult;
  titleOf(nodeId: string): string;
  /** Leave the node column out (a single node's check). */
  compact?: boolean;
}

/** One row per checked tensor: where, how many elements, the largest errors, and the verdict (compact: no node, no absolute error). */
export const GradcheckTable = memo(function GradcheckTable({ result, titleOf, compact = false }: GradcheckTableProps) {
  return (
    <table className="bs-table bs-insp-table" aria-label="Gradient check">
      <thead>
        <tr>
          {!compact && <th>node</th>}
          <th>tensor</th>
          <th className="bs-num">checked</th>
          {!compact && <th className="bs-num">max abs</th>}
          <th className="bs-num">max rel</th>
          <th>result</th>
        </tr>
      </thead>
      <tbody>
        {result.rows.map((row) => (
          <tr key={`${row.nodeId}.${row.tensor}`} data-testid="gradcheck-row">
            {!compact && <td>{titleOf(row.nodeId)}</td>}
            <td className="bs-mono">{row.tensor}</td>
            <td className="bs-num bs-mono">
              {row.checked === row.size ? row.checked : `${row.checked} of ${row.size}`}
            </td>
            {!compact && <td className="bs-num bs-mono">{shortNumber(row.maxAbsError)}</td>}
            <td className="bs-num bs-mono">{shortNumber(row.maxRelError)}</td>
            <td>
              <span
                className={`bs-insp-verdict ${row.passed ? 'is-pass' : 'is-fail'}`}
                title={
                  row.worst
                    ? `largest difference at element ${row.worst.index}: analytic ${shortNumber(row.worst.analytic, 6)}, numeric ${shortNumber(row.worst.numeric, 6)}`
                    : undefined
                }
              >
                {row.passed ? 'PASS' : 'FAIL'}
              </span>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
