import type { LoadResult } from '../../protocol/results';
import { formatCount } from '../format';

export function ModelOverview({ model, source }: { model: LoadResult; source: string }) {
  return (
    <section className="card">
      <h2>{model.name ?? source}</h2>
      {model.description && <p className="description">{model.description}</p>}
      <dl className="facts">
        <div>
          <dt>Nodes</dt>
          <dd>{model.nodes.length}</dd>
        </div>
        <div>
          <dt>Parameters</dt>
          <dd>{formatCount(model.paramCount)}</dd>
        </div>
        <div>
          <dt>Batch</dt>
          <dd>{model.batch}</dd>
        </div>
        <div>
          <dt>Sample</dt>
          <dd>{model.hasSample ? (model.hasTarget ? 'input and target' : 'input only') : 'none'}</dd>
        </div>
      </dl>
    </section>
  );
}
