import { useSession } from '../stores/session-context';

const transportLabel = { electron: 'engine process', worker: 'web worker' } as const;

export function EngineBadge() {
  const engine = useSession((s) => s.engine);
  if (engine.state === 'connecting') return <span className="badge">Starting engine…</span>;
  if (engine.state === 'failed') return <span className="badge badge-error">Engine stopped</span>;
  return (
    <span className="badge badge-ok" title={`The engine runs in a ${transportLabel[engine.transport]}`}>
      Engine ready · {engine.backend} · {transportLabel[engine.transport]}
    </span>
  );
}
