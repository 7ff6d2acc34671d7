import { readFileSync } from 'node:fs';
import { parseCommandArgs } from './args';
import { type CommandEntry, commands, findCommand } from './commands/index';
import { CliError, describeFailure, EXIT_OK, UsageError } from './errors';

const generalUsage = `Usage: backprop-studio <command> [options]

Runs Backprop Studio models (the JSON files the app saves) without the app.

Commands:
${commands.map((c) => `  ${c.synopsis.padEnd(38)}${c.summary}`).join('\n')}
  ${'help [command]'.padEnd(38)}Show this help, or a command's

Options:
  -h, --help                            show this help
  -v, --version                         print the version

User errors (a missing or invalid file, a bad flag) exit with status 2, one line per problem.`;

/** Runs one command line; returns the exit status. Only user errors and internal bugs reach stderr. */
export async function main(argv: string[]): Promise<number> {
  // A reader that stops early (| head) closes the pipe; that is not an error worth a stack trace.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    process.exit(process.exitCode ?? EXIT_OK);
  });
  try {
    return (await dispatch(argv)) ?? EXIT_OK;
  } catch (e) {
    const { status, lines } = describeFailure(e, Boolean(process.env.BACKPROP_STUDIO_DEBUG));
    process.stderr.write(`${lines.join('\n')}\n`);
    return status;
  }
}

/** The exit status a command chose, if it chose one. */
async function dispatch(argv: string[]): Promise<number | undefined> {
  const [first, ...rest] = argv;
  if (first === undefined) throw new UsageError('missing command');
  if (first.startsWith('-')) {
    const { values, positionals } = parseCommandArgs(undefined, argv, {
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean', short: 'v' },
    });
    if (values.version) print(`${readVersion()}\n`);
    else if (values.help) print(`${generalUsage}\n`);
    else throw new UsageError(`missing command${positionals.length ? ` before '${positionals[0]}'` : ''}`);
    return;
  }
  if (first === 'help') {
    if (rest.length > 1) throw new UsageError(`help takes one command, not also '${rest[1]}'`);
    if (rest.length === 0) print(`${generalUsage}\n`);
    else print(`${(await commandModule(rest[0])).usage}\n`);
    return;
  }
  const command = await commandModule(first);
  const parsed = parseCommandArgs(first, rest, command.options);
  if (parsed.values.help) {
    print(`${command.usage}\n`);
    return;
  }
  try {
    return (await command.run(parsed, print)) ?? undefined;
  } finally {
    // Loaded already with any command that runs a model; a GPU device left open keeps the process alive.
    (await import('./backend-flag')).closeBackends();
  }
}

async function commandModule(name: string) {
  const entry: CommandEntry | undefined = findCommand(name);
  if (!entry) {
    throw new UsageError(`unknown command '${name}'; commands: ${commands.map((c) => c.name).join(', ')}, help`);
  }
  return entry.load();
}

function print(text: string): void {
  process.stdout.write(text);
}

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? 'unknown';
  } catch {
    throw new CliError('backprop-studio: cannot read the version from package.json');
  }
}
