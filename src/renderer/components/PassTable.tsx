import type { TraceResult } from '../../protocol/results';
import { formatValues } from '../format';

export function PassTable({ trace }: { trace: TraceResult }) {
  return (
    <table className="table">
      <thead>
        <tr>
          <th>Node</th>
          <th>Output</th>
          <th title="dLoss/d(output): how the loss changes with each output value">Gradient ∂E/∂out</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(trace.nodes).map(([id, node]) => (
          <tr key={id}>
            <td>
              <code>{id}</code>
            </td>
            <td className="values">{formatValues(node.output)}</td>
            <td className="values">
              {node.grad === null ? <span className="muted">—</span> : formatValues(node.grad)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
