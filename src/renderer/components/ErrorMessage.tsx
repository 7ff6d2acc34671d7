import type { EngineClientError } from '../engine-client';

export function ErrorMessage({ error }: { error: EngineClientError }) {
  return (
    <div className="notice notice-error" role="alert">
      <span>
        {error.nodeId && (
          <>
            Node <code>{error.nodeId}</code>:{' '}
          </>
        )}
        {error.message}
      </span>
    </div>
  );
}
