import { memo } from 'react';

export interface CsvPreviewTableProps {
  header: string[];
  rows: string[][];
  rowCount: number;
  columnTypes: ('numeric' | 'categorical')[];
  label?: string;
  features: readonly string[];
}

/** The file's first rows, each column marked as numeric or categorical and as feature or label. */
export const CsvPreviewTable = memo(function CsvPreviewTable(props: CsvPreviewTableProps) {
  const { header, rows, rowCount, columnTypes, label, features } = props;
  const role = (name: string) => (name === label ? 'label' : features.includes(name) ? 'feature' : 'unused');
  return (
    <div className="bs-train__table-wrap">
      <table className="bs-table bs-train__csv" aria-label="CSV preview">
        <thead>
          <tr>
            {header.map((name, j) => (
              <th key={name} scope="col" className={`bs-train__col--${role(name)}`}>
                <span>{name}</span>
                <small className="bs-muted">
                  {columnTypes[j]} · {role(name)}
                </small>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i}>
              {header.map((name, j) => (
                <td key={name} className={`bs-mono bs-train__col--${role(name)}`}>
                  {row[j] ?? ''}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="bs-muted bs-train__note">
        {rows.length < rowCount ? `First ${rows.length} of ${rowCount} rows` : `${rowCount} rows`}
      </p>
    </div>
  );
});
