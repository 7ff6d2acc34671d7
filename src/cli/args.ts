import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from './errors';

export type OptionSpecs = NonNullable<ParseArgsConfig['options']>;

export interface ParsedArgs {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

/** util.parseArgs with its errors turned into one-line usage errors naming the command. */
export function parseCommandArgs(command: string | undefined, args: string[], options: OptionSpecs): ParsedArgs {
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as ParsedArgs['values'], positionals };
  } catch (e) {
    throw new UsageError(describeParseError(e), command);
  }
}

function describeParseError(e: unknown): string {
  const code = (e as { code?: string }).code;
  const message = e instanceof Error ? e.message : String(e);
  const option = /'(-[^' ]*)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${option}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('argument missing'))
    return `option '${option}' needs a value`;
  // '--tolerance -1': a value that starts with a dash must be attached with '='.
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && message.includes('ambiguous'))
    return `option '${option}' needs a value; write a value starting with '-' as ${option}=-...`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `option '${option}' does not take a value`;
  return message.split('. ')[0];
}

/** Exactly the positional arguments a command takes, by name, in order. */
export function takePositionals(command: string, positionals: string[], names: string[]): string[] {
  if (positionals.length < names.length) throw new UsageError(`missing ${names[positionals.length]}`, command);
  if (positionals.length > names.length)
    throw new UsageError(`unexpected argument '${positionals[names.length]}'`, command);
  return positionals;
}

export function stringFlag(parsed: ParsedArgs, name: string): string | undefined {
  const v = parsed.values[name];
  return typeof v === 'string' ? v : undefined;
}

export function requiredFlag(command: string, parsed: ParsedArgs, name: string, placeholder: string): string {
  const v = stringFlag(parsed, name);
  if (v === undefined) throw new UsageError(`missing --${name} ${placeholder}`, command);
  return v;
}

export function positiveInteger(command: string, flag: string, text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new UsageError(`--${flag} takes a positive integer, not '${text}'`, command);
  return n;
}

export function nonNegativeInteger(command: string, flag: string, text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(n) || n > 0xffffffff)
    throw new UsageError(`--${flag} takes an integer from 0 to 4294967295, not '${text}'`, command);
  return n;
}

export function positiveNumber(command: string, flag: string, text: string): number {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`--${flag} takes a positive number, not '${text}'`, command);
  return n;
}

export function nonNegativeNumber(command: string, flag: string, text: string): number {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${flag} takes a number 0 or above, not '${text}'`, command);
  return n;
}

/** One of a fixed set of words. */
export function choice<T extends string>(command: string, flag: string, text: string, allowed: readonly T[]): T {
  const found = allowed.find((a) => a === text);
  if (!found) throw new UsageError(`--${flag} takes ${allowed.join(' or ')}, not '${text}'`, command);
  return found;
}
