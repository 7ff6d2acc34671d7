import { ModelError, NodeRunError, NonFiniteLossError, RunError } from '../core';
import type { EngineError } from '../protocol/messages';

/** Thrown inside the session for a failure it has already described; handle() turns it into a reply. */
export class RequestError extends Error {
  override name = 'RequestError';
  constructor(readonly error: EngineError) {
    super(error.message);
  }
}

/** Describes any thrown value as a typed error, keeping the node, path and line core gives. */
export function toEngineError(thrown: unknown): EngineError {
  if (thrown instanceof RequestError) return thrown.error;
  if (thrown instanceof ModelError) {
    const first = thrown.issues[0];
    return withoutUndefined({
      code: 'invalid-model',
      message: thrown.message,
      issues: thrown.issues,
      nodeId: first?.nodeId,
      path: first?.path,
      line: first?.line,
      column: first?.column,
    });
  }
  if (thrown instanceof NonFiniteLossError) {
    return withoutUndefined({
      code: 'non-finite-loss',
      message: thrown.message,
      nodeId: thrown.nodeId,
      step: thrown.step,
    });
  }
  if (thrown instanceof NodeRunError) return { code: 'run-error', message: thrown.message, nodeId: thrown.nodeId };
  if (thrown instanceof RunError) return { code: 'run-error', message: thrown.message };
  if (thrown instanceof Error) return { code: 'internal', message: `${thrown.name}: ${thrown.message}` };
  return { code: 'internal', message: String(thrown) };
}

function withoutUndefined(error: EngineError): EngineError {
  return Object.fromEntries(Object.entries(error).filter(([, v]) => v !== undefined)) as unknown as EngineError;
}
