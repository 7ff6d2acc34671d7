import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const examples = 'resources/examples';

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI as users do, through the bin launcher, from the repository root. `env` adds to (or,
 * set to undefined, removes from) the test process's environment.
 */
export function runCli(
  args: string[],
  options: { timeoutMs?: number; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  return runNode(['bin/backprop-studio.mjs', ...args], options);
}

/** Runs Node with these arguments from the repository root, in the environment runCli gives the CLI. */
export function runNode(
  args: string[],
  options: { timeoutMs?: number; env?: Record<string, string | undefined> } = {},
): Promise<CliResult> {
  const env = { ...process.env, ...options.env };
  delete env.BACKPROP_STUDIO_DEBUG;
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: repoRoot, env, timeout: options.timeoutMs ?? 20_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const status = error ? error.code : 0;
        if (typeof status !== 'number') reject(error);
        else resolve({ status, stdout, stderr });
      },
    );
  });
}

export function stderrLines(result: CliResult): string[] {
  return result.stderr.split('\n').filter((line) => line.length > 0);
}

/** A user error: status 2, nothing on stdout, one stderr line per problem, never a stack trace. */
export function expectUserError(result: CliResult, lines: number): string[] {
  const shown = stderrLines(result);
  expect(result.status, result.stderr).toBe(2);
  expect(result.stdout).toBe('');
  expect(shown).toHaveLength(lines);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  return shown;
}

export function parseJson<T>(result: CliResult): T {
  expect(result.status, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}
