import type { OptionSpecs } from './args';
import { backendOptions, backendOptionsHelp } from './backend-flag';

/** Options every command takes. */
export const commonOptions = {
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies OptionSpecs;

/** Options of the commands that run the model in float64 only (gradcheck): the data, the seed, the backend. */
export const sampleOptions = {
  ...commonOptions,
  ...backendOptions,
  input: { type: 'string' },
  target: { type: 'string' },
  seed: { type: 'string' },
} as const satisfies OptionSpecs;

/** Options of the commands that run the model. */
export const runOptions = {
  ...sampleOptions,
  dtype: { type: 'string' },
} as const satisfies OptionSpecs;

export const sampleOptionsHelp = `  --input JSON        input batch to use instead of the model's sample, e.g. '[[0.05, 0.1]]'
  --target JSON       target batch to use instead of the model's sample target`;

export const runOptionsHelp = `${sampleOptionsHelp}
  --dtype TYPE        float32 (default) or float64 (the CPU only)
${backendOptionsHelp}
  --seed N            seed for initialising parameters the model does not store (default 0)`;
