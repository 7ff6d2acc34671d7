import { useSession } from '../stores/session-context';
import { EmptyState } from './EmptyState';
import { IssueList } from './IssueList';
import { ModelOverview } from './ModelOverview';
import { NodeTable } from './NodeTable';
import { PassPanel } from './PassPanel';

export function ModelView() {
  const source = useSession((s) => s.source);
  const model = useSession((s) => s.model);
  const loadError = useSession((s) => s.loadError);
  const loading = useSession((s) => s.busy === 'loading');

  if (!source) return <EmptyState />;
  if (loading) return <p className="muted">Loading {source.label}…</p>;
  if (loadError) return <IssueList source={source.label} error={loadError} />;
  if (!model) return null;
  return (
    <>
      <ModelOverview model={model} source={source.label} />
      <NodeTable nodes={model.nodes} />
      <PassPanel />
    </>
  );
}
