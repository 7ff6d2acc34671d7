import type { OptionSpecs, ParsedArgs } from '../args';

/** Where a command writes what it produces; stderr is main's. */
export type Print = (text: string) => void;

export interface CommandModule {
  /** The full help text: synopsis, arguments, options, an example. */
  usage: string;
  options: OptionSpecs;
  /** The exit status where the command decides it (gradcheck: 1 when a gradient fails); 0 without one. */
  run(parsed: ParsedArgs, print: Print): number | void | Promise<number | void>;
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
    synopsis: 'train <model.json> [--dataset D]',
    summary: 'Train on the sample or a dataset, as the training section and flags say',
    load: () => import('./train'),
  },
  {
    name: 'search',
    synopsis: 'search <model.json> --method M',
    summary: 'Search hyperparameters (grid, random, LIPO) on the validation split',
    load: () => import('./search'),
  },
  {
    name: 'schedule',
    synopsis: 'schedule --type T --steps A,B',
    summary: 'Print the learning rate a schedule gives at some steps',
    load: () => import('./schedule'),
  },
  {
    name: 'gradcheck',
    synopsis: 'gradcheck <model.json>',
    summary: 'Compare analytic gradients with central differences in float64',
    load: () => import('./gradcheck'),
  },
  {
    name: 'inspect',
    synopsis: 'inspect <model.json> [--steps N]',
    summary: 'Show activation and gradient statistics; flag vanishing or exploding gradients',
    load: () => import('./inspect'),
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return commands.find((c) => c.name === name);
}
