/** A problem the user can fix (a file, a flag, a model): exit status 2, one line per problem. */
export class CliError extends Error {
  override name = 'CliError';
  readonly status: number = EXIT_USER;
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.lines = all;
  }
}

/** A command line that does not parse: the line says which command's help to read. */
export class UsageError extends CliError {
  override name = 'UsageError';
  constructor(message: string, command?: string) {
    super(
      `backprop-studio${command ? ` ${command}` : ''}: ${message} (see: backprop-studio help${command ? ` ${command}` : ''})`,
    );
  }
}

/** A run that started and then failed (training diverged): exit status 1, the lines saying where. */
export class RunFailedError extends CliError {
  override name = 'RunFailedError';
  override readonly status: number = EXIT_FAILED;
}

export const EXIT_OK = 0;
/** A check that ran and found a failure (gradcheck); internal errors share it. */
export const EXIT_FAILED = 1;
export const EXIT_INTERNAL = 1;
export const EXIT_USER = 2;

/** The exit status and the lines for stderr: user errors as they are, anything else as a bug. */
export function describeFailure(error: unknown, showStack: boolean): { status: number; lines: string[] } {
  if (error instanceof CliError) return { status: error.status, lines: error.lines };
  const message = error instanceof Error ? error.message : String(error);
  const lines = [`backprop-studio: internal error: ${message.split('\n')[0]}`];
  if (showStack && error instanceof Error && error.stack) lines.push(error.stack);
  else lines.push('This is a bug in backprop-studio; run with BACKPROP_STUDIO_DEBUG=1 to see where it happened.');
  return { status: EXIT_INTERNAL, lines };
}
