import { readFileSync, writeFileSync } from 'node:fs';
import {
  DatasetError,
  formatIssue,
  type Issue,
  loadModelText,
  ModelError,
  type ModelJson,
  type NestedNumbers,
  NodeRunError,
  NonFiniteLossError,
  PerceptronError,
  type Plan,
  RunError,
  SearchError,
  validateModel,
} from '../core';
import { CliError, RunFailedError } from './errors';

export interface LoadedModel {
  file: string;
  model: ModelJson;
  plan: Plan;
}

/** Reads and validates a model file; every problem becomes one line naming the file and the place. */
export function readModelFile(file: string): LoadedModel {
  const text = readText(file);
  const { model, plan, issues } = loadModelText(text);
  // After the first syntax error a JSON parser reports the errors that follow from it; only the first is news.
  const shown = issues.every((i) => i.message.startsWith('invalid JSON')) ? issues.slice(0, 1) : issues;
  if (issues.length || !model || !plan) throw new CliError(shown.map((i) => formatIssue(i, file)));
  return { file, model, plan };
}

export function readText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new CliError(`${file}: cannot read: ${describeFsError(e)}`);
  }
}

export function writeText(file: string, text: string): void {
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new CliError(`${file}: cannot write: ${describeFsError(e)}`);
  }
}

function describeFsError(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EISDIR') return 'it is a directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return e instanceof Error ? e.message : String(e);
}

export interface SampleFlags {
  input?: string;
  target?: string;
}

/**
 * The model with its sample replaced by --input and --target where given. The new sample is
 * validated as if the file held it, and each problem is reported at the flag it came from.
 */
export function withSampleFlags(loaded: LoadedModel, flags: SampleFlags): LoadedModel {
  if (flags.input === undefined && flags.target === undefined) return loaded;
  const input = flags.input === undefined ? loaded.model.sample?.input : parseFlagJson('input', flags.input);
  const target = flags.target === undefined ? loaded.model.sample?.target : parseFlagJson('target', flags.target);
  if (input === undefined) throw new CliError(`${loaded.file}: the model has no sample input; pass --input as well`);
  const model: ModelJson = { ...loaded.model, sample: target === undefined ? { input } : { input, target } };
  const { plan, issues } = validateModel(model);
  if (issues.length || !plan) throw new CliError(issues.map((i) => formatSampleIssue(i, loaded.file, flags)));
  return { ...loaded, model, plan };
}

function parseFlagJson(flag: string, text: string): NestedNumbers {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliError(`--${flag}: invalid JSON: ${(e as Error).message}`);
  }
  if (!Array.isArray(value)) throw new CliError(`--${flag}: expected a batch, an array such as [[0.05, 0.1]]`);
  const problem = firstNonNumber(value, `--${flag}`);
  if (problem) throw new CliError(problem);
  return value as NestedNumbers;
}

/** Where nested arrays hold something other than a number; shapes are the model's to check. */
function firstNonNumber(value: unknown, place: string): string | undefined {
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const problem = firstNonNumber(value[i], `${place}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  return typeof value === 'number' ? undefined : `${place}: expected a number, got ${JSON.stringify(value)}`;
}

function formatSampleIssue(issue: Issue, file: string, flags: SampleFlags): string {
  for (const part of ['input', 'target'] as const) {
    const prefix = `$.sample.${part}`;
    if (!issue.path?.startsWith(prefix)) continue;
    if (flags[part] !== undefined) return `--${part}${issue.path.slice(prefix.length)}: ${issue.message}`;
    const other = part === 'input' ? 'target' : 'input';
    return `${formatIssue(issue, file)} (pass --${part} to match --${other})`;
  }
  return formatIssue(issue, file);
}

/** Checks that a pass has the data it reads: an input always, a target when the model has a loss. */
export function requireSample(loaded: LoadedModel, needTarget: boolean): void {
  if (!loaded.model.sample?.input) throw new CliError(`${loaded.file}: the model has no sample; pass --input`);
  if (needTarget && !loaded.model.sample.target)
    throw new CliError(`${loaded.file}: the model's sample has no target; pass --target`);
}

/** Runs engine work, turning the engine's errors about the model or its data into user errors. */
export function withEngineErrors<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (e) {
    throw engineError(file, e);
  }
}

/** withEngineErrors for work that awaits a backend (every pass on a GPU does). */
export async function withEngineErrorsAsync<T>(file: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    throw engineError(file, e);
  }
}

function engineError(file: string, e: unknown): unknown {
  if (e instanceof ModelError) return new CliError(e.issues.map((i) => formatIssue(i, file)));
  // Run errors caused by the model or its data are the user's to fix; any other failure inside a node is a bug.
  const aboutTheModel = e instanceof NodeRunError && (e.cause === undefined || e.cause instanceof RunError);
  const aboutTheData = e instanceof DatasetError || e instanceof PerceptronError || e instanceof SearchError;
  if (aboutTheModel || aboutTheData) return new CliError(`${file}: ${e.message}`);
  // Diverging is the run failing, not a mistake in the command line: exit status 1.
  if (e instanceof NonFiniteLossError) return new RunFailedError(`${file}: ${e.message}`);
  return e;
}
