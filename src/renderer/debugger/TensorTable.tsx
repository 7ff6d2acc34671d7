import { memo } from 'react';
import { formatSig } from './number-format';
import type { FlatTensor } from './tensor-values';

export interface TensorTableProps {
  tensor: FlatTensor;
  /** Offset of this 2-D slice in the tensor's data. */
  offset?: number;
  rows: number;
  cols: number;
  digits: number;
  /** Names of the row and column indices ("i", "j"); an empty row name marks a plain vector. */
  axes: readonly [string, string];
  /** Lay a single row out as a column, so a long vector fits a narrow panel. */
  transpose?: boolean;
  label: string;
}

/** A small tensor as a table with numbered rows and columns; full precision in each cell's tooltip. */
export const TensorTable = memo(function TensorTable({
  tensor,
  offset = 0,
  rows,
  cols,
  digits,
  axes,
  transpose = false,
  label,
}: TensorTableProps) {
  const shownRows = transpose ? cols : rows;
  const shownCols = transpose ? rows : cols;
  const [rowName, colName] = transpose ? [axes[1], axes[0]] : axes;
  const valueAt = (r: number, c: number) => tensor.data[offset + (transpose ? c * cols + r : r * cols + c)];
  const colIndex = Array.from({ length: shownCols }, (_, c) => c);
  // One sample or a plain vector needs no index across: the corner names the one index there is.
  const singleCol = shownCols === 1 && (colName === 'n' || colName === '');
  const corner = singleCol || rowName === '' || (shownRows === 1 && rowName === 'n') ? '' : ' \\ ';
  return (
    <table className="bs-dbg-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col" className="bs-dbg-table__corner">
            {corner ? `${rowName}${corner}${colName}` : transpose ? rowName : colName}
          </th>
          {colIndex.map((c) => (
            <th scope="col" key={c}>
              {singleCol ? 'value' : c + 1}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {Array.from({ length: shownRows }, (_, r) => (
          <tr key={r}>
            <th scope="row">{rowName === '' && !transpose ? '' : r + 1}</th>
            {colIndex.map((c) => {
              const value = valueAt(r, c);
              return (
                <td key={c} title={String(value)}>
                  {formatSig(value, digits)}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
});
