import { memo } from 'react';
import type { ParamSpec } from '../../core/layers/kind';
import { formatShape, sizeOf } from '../../core/tensor/shape';

export interface ParamTableProps {
  specs: Record<string, ParamSpec>;
  /** Names of the parameters the file stores values for; the others are initialised on a run. */
  stored: ReadonlySet<string>;
}

/** Each parameter's shape and count, and whether its values come from the file. */
export const ParamTable = memo(function ParamTable({ specs, stored }: ParamTableProps) {
  const rows = Object.entries(specs);
  return (
    <table className="bs-table">
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Shape</th>
          <th scope="col" className="bs-num">
            Count
          </th>
          <th scope="col">Values</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([name, spec]) => (
          <tr key={name}>
            <td className="bs-mono">{name}</td>
            <td className="bs-mono">{formatShape(spec.shape)}</td>
            <td className="bs-num bs-mono">{sizeOf(spec.shape).toLocaleString('en-US')}</td>
            <td className="bs-muted">{stored.has(name) ? 'from file' : `init ${spec.init.replace('_', ' ')}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
});
