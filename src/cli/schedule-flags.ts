import { type ScheduleConfig, type ScheduleType, scheduleConfig } from '../core/train/schedules/factory';
import { choice, type OptionSpecs, type ParsedArgs } from './args';
import { UsageError } from './errors';

export const scheduleTypes: readonly ScheduleType[] = [
  'constant',
  'piecewise_constant',
  'exponential',
  'natural_exp',
  'inverse_time',
  'polynomial',
  'cosine',
  'linear_cosine',
  'noisy_linear_cosine',
];

/** Each schedule field and the flag that sets it. */
const fieldFlags = {
  learningRate: 'lr',
  decaySteps: 'decay-steps',
  decayRate: 'decay-rate',
  staircase: 'staircase',
  endLearningRate: 'end-lr',
  power: 'power',
  cycle: 'cycle',
  alpha: 'alpha',
  beta: 'beta',
  numPeriods: 'num-periods',
  initialVariance: 'initial-variance',
  varianceDecay: 'variance-decay',
  boundaries: 'boundaries',
  values: 'values',
} as const;
type Field = keyof typeof fieldFlags;
const booleanFields = new Set<Field>(['staircase', 'cycle']);
const listFields = new Set<Field>(['boundaries', 'values']);

/** The schedule's parameters as flags (--lr is the optimizer's, shared). */
export const scheduleParamOptions = {
  'decay-steps': { type: 'string' },
  'decay-rate': { type: 'string' },
  staircase: { type: 'boolean' },
  'end-lr': { type: 'string' },
  power: { type: 'string' },
  cycle: { type: 'boolean' },
  alpha: { type: 'string' },
  beta: { type: 'string' },
  'num-periods': { type: 'string' },
  'initial-variance': { type: 'string' },
  'variance-decay': { type: 'string' },
  boundaries: { type: 'string' },
  values: { type: 'string' },
} as const satisfies OptionSpecs;

export const scheduleParamsHelp = `  --decay-steps T     T: steps the decay is measured in (all decays, cosines, polynomial)
  --decay-rate R      r: exponential, natural_exp, inverse_time
  --staircase         exponential, natural_exp, inverse_time: use floor(t / T)
  --end-lr X          polynomial: the final rate (default 0.0001)
  --power P           polynomial: the exponent (default 1)
  --cycle             polynomial: restart after T steps instead of staying at the end rate
  --alpha A           cosine: the floor as a fraction of lr (default 0); linear cosine: a (default 0)
  --beta B            linear cosines: b (default 0.001)
  --num-periods N     linear cosines: periods of the cosine (default 0.5)
  --initial-variance V, --variance-decay D
                      noisy_linear_cosine: the noise (defaults 1 and 0.55)
  --boundaries A,B    piecewise_constant: steps at which the rate changes
  --values X,Y,Z      piecewise_constant: the rates, one more than boundaries`;

/**
 * A schedule config from --TYPE-specific flags, validated by the engine's schema; each problem is
 * reported at the flag that causes it. The initial rate comes from --lr (given as learningRate).
 */
export function scheduleFromFlags(
  command: string,
  parsed: ParsedArgs,
  type: string,
  learningRate: number | undefined,
  typeFlag: string,
): ScheduleConfig {
  const scheduleType = choice(command, typeFlag, type, scheduleTypes);
  const raw: Record<string, unknown> = { type: scheduleType };
  if (scheduleType !== 'piecewise_constant') raw.learningRate = learningRate;
  for (const [field, flag] of Object.entries(fieldFlags) as [Field, string][]) {
    if (field === 'learningRate') continue;
    const value = parsed.values[flag];
    if (value === undefined) continue;
    if (booleanFields.has(field)) raw[field] = value;
    else if (listFields.has(field)) raw[field] = numberList(command, flag, String(value));
    else raw[field] = number(command, flag, String(value));
  }
  const result = scheduleConfig.safeParse(raw);
  if (result.success) return raw as ScheduleConfig;
  const issue = result.error.issues[0];
  const where = `--${typeFlag} ${scheduleType}`;
  if (issue.code === 'unrecognized_keys') {
    const flags = issue.keys.map((k) => `--${fieldFlags[k as Field] ?? k}`).join(', ');
    throw new UsageError(`${flags} do${issue.keys.length === 1 ? 'es' : ''} not apply to ${where}`, command);
  }
  const field = String(issue.path[0] ?? '') as Field;
  const flag = `--${fieldFlags[field] ?? field}`;
  if (raw[field] === undefined) throw new UsageError(`${where} needs ${flag}`, command);
  throw new UsageError(`${flag}: ${issue.message}`, command);
}

/** The rate a schedule starts from, for --schedule without --lr. */
export function initialRate(config: ScheduleConfig): number {
  return config.type === 'piecewise_constant' ? config.values[0] : config.learningRate;
}

function number(command: string, flag: string, text: string): number {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n)) throw new UsageError(`--${flag} takes a number, not '${text}'`, command);
  return n;
}

export function numberList(command: string, flag: string, text: string): number[] {
  return text.split(',').map((part) => number(command, flag, part));
}
