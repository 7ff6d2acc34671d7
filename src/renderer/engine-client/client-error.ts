import type { Issue } from '../../core/graph/issues';
import type { EngineError, EngineErrorCode } from '../../protocol/messages';

/** Engine error codes, plus the failures only the client can see. */
export type ClientErrorCode = EngineErrorCode | 'timeout' | 'disconnected';

export interface ClientErrorInfo extends Omit<EngineError, 'code'> {
  code: ClientErrorCode;
}

/** A failed request: what the engine said (node, path, issues) or why no answer came. */
export class EngineClientError extends Error {
  override name = 'EngineClientError';
  readonly code: ClientErrorCode;
  readonly nodeId?: string;
  readonly path?: string;
  readonly line?: number;
  readonly column?: number;
  readonly issues?: Issue[];

  constructor(info: ClientErrorInfo) {
    super(info.message);
    this.code = info.code;
    this.nodeId = info.nodeId;
    this.path = info.path;
    this.line = info.line;
    this.column = info.column;
    this.issues = info.issues;
  }
}

export function asClientError(thrown: unknown): EngineClientError {
  if (thrown instanceof EngineClientError) return thrown;
  return new EngineClientError({
    code: 'internal',
    message: thrown instanceof Error ? thrown.message : String(thrown),
  });
}
