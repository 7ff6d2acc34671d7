import type { PlanNodeSummary } from '../../protocol/results';
import { formatCount, formatShape } from '../format';

/** The compiled plan: nodes in the order a forward pass runs them. */
export function NodeTable({ nodes }: { nodes: PlanNodeSummary[] }) {
  return (
    <section className="card">
      <h2>Nodes</h2>
      <table className="table">
        <thead>
          <tr>
            <th>Node</th>
            <th>Type</th>
            <th>Output shape</th>
            <th>Parameters</th>
          </tr>
        </thead>
        <tbody>
          {nodes.map((node) => (
            <tr key={node.id}>
              <td>
                <code>{node.id}</code>
                {node.name && <span className="muted"> {node.name}</span>}
              </td>
              <td>
                <span className={`kind kind-${node.category}`}>{node.label}</span>
                {node.describe && <span className="muted"> {node.describe}</span>}
              </td>
              <td>
                <code>{formatShape(node.outputShape)}</code>
              </td>
              <td>
                {node.params.length === 0 ? (
                  <span className="muted">—</span>
                ) : (
                  <>
                    {node.params.map((p) => `${p.name} ${formatShape(p.shape)}`).join(', ')}
                    <span className="muted"> ({formatCount(node.paramCount)})</span>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
