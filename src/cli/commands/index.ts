import type { OptionSpecs, ParsedArgs } from '../args';

/** Where a command writes what it produces; stderr is main's. */
export type Print = (text: string) => void;

export interface CommandModule {
  /** The full help text: synopsis, arguments, options, an example. */
  usage: string;
  options: OptionSpecs;
  /** The exit status where the command decides it (gradcheck: 1 when a gradient fails); 0 without one. */
  run(parsed: ParsedArgs, print: Print): number | void;
}

export interface CommandEntry {
  name: string;
  synopsis: string;
  summary: string;
  /** Loaded on demand, so that --help and --version do not pay for loading the engine. */
  load(): Promise<CommandModule>;
}

export const commands: readonly CommandEntry[] = [
  {
    name: 'check',
    synopsis: 'check <model.json>',
    summary: "Validate a model; show each node's output shape and parameter count",
    load: () => import('./check'),
  },
  {
    name: 'trace',
    synopsis: 'trace <model.json>',
    summary: 'Run one forward and backward pass and show every value and gradient',
    load: () => import('./trace'),
  },
  {
    name: 'train',
    synopsis: 'train <model.json> --steps N --lr X',
    summary: "Train on the model's sample with gradient descent",
    load: () => import('./train'),
  },
  {
    name: 'gradcheck',
    synopsis: 'gradcheck <model.json>',
    summary: 'Compare analytic gradients with central differences in float64',
    load: () => import('./gradcheck'),
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return commands.find((c) => c.name === name);
}
