import {
  type OptimizerConfig,
  type OptimizerType,
  optimizerTypes,
  penaltyKeys,
  type ScheduleConfig,
  withInitialRate,
} from '../core';
import { choice, type OptionSpecs, type ParsedArgs, positiveNumber, stringFlag } from './args';
import { UsageError } from './errors';
import { initialRate, scheduleFromFlags, scheduleParamOptions, scheduleParamsHelp } from './schedule-flags';

export const optimizerOptions = {
  optimizer: { type: 'string' },
  lr: { type: 'string' },
  momentum: { type: 'string' },
  beta1: { type: 'string' },
  beta2: { type: 'string' },
  rho: { type: 'string' },
  epsilon: { type: 'string' },
  schedule: { type: 'string' },
  ...scheduleParamOptions,
} as const satisfies OptionSpecs;

export const optimizerOptionsHelp = `  --optimizer NAME    ${optimizerTypes.join(', ')}
  --lr X              learning rate (a schedule's initial one; the model's schedule keeps its shape)
  --momentum M        momentum, nesterov, rmsprop
  --beta1 B, --beta2 B
                      adam
  --rho R             rmsprop
  --epsilon E         adagrad, rmsprop, adam
  --schedule TYPE     a learning-rate schedule (TensorFlow's): constant, piecewise_constant,
                      exponential, natural_exp, inverse_time, polynomial, cosine, linear_cosine,
                      noisy_linear_cosine; its parameters:
${scheduleParamsHelp}`;

/** The optimizers each setting belongs to. */
const settingTypes: Record<string, readonly OptimizerType[]> = {
  momentum: ['momentum', 'nesterov', 'rmsprop'],
  beta1: ['adam'],
  beta2: ['adam'],
  rho: ['rmsprop'],
  epsilon: ['adagrad', 'rmsprop', 'adam'],
};

/**
 * The optimizer config with the optimizer flags applied over the current one (the model's, if
 * any). A new type keeps the learning rate and penalties but drops the old type's settings.
 * `fallbackType` is the type used when neither the flags nor the model give one.
 */
export function optimizerWithFlags(
  command: string,
  parsed: ParsedArgs,
  current: OptimizerConfig | undefined,
  fallbackType: OptimizerType,
): OptimizerConfig | undefined {
  const typeText = stringFlag(parsed, 'optimizer');
  const type =
    typeText === undefined ? (current?.type ?? fallbackType) : choice(command, 'optimizer', typeText, optimizerTypes);
  const given = (flag: string) => stringFlag(parsed, flag);
  const touched =
    typeText !== undefined || ['lr', 'schedule', ...Object.keys(settingTypes)].some((f) => given(f) !== undefined);
  if (!touched) {
    const scheduleParam = Object.keys(scheduleParamOptions).find((f) => parsed.values[f] !== undefined);
    if (scheduleParam) throw new UsageError(`--${scheduleParam} needs --schedule TYPE`, command);
    return current;
  }
  let config: OptimizerConfig = current && current.type === type ? { ...current } : keepCommon(type, current);
  for (const [flag, types] of Object.entries(settingTypes)) {
    const text = given(flag);
    if (text === undefined) continue;
    if (!types.includes(type)) throw new UsageError(`--${flag} applies to ${types.join(', ')}, not ${type}`, command);
    config = { ...config, [flag]: setting(command, flag, text) } as OptimizerConfig;
  }
  const lrText = given('lr');
  const lr = lrText === undefined ? undefined : positiveNumber(command, 'lr', lrText);
  const scheduleType = given('schedule');
  if (scheduleType !== undefined) {
    const start = lr ?? rateOf(config.learningRate);
    config.learningRate = scheduleFromFlags(command, parsed, scheduleType, start, 'schedule');
  } else if (lr !== undefined) {
    config.learningRate = withInitialRate(config.learningRate, lr);
  }
  return config;
}

function keepCommon(type: OptimizerType, from: OptimizerConfig | undefined): OptimizerConfig {
  const config: OptimizerConfig = { type };
  if (from?.learningRate !== undefined) config.learningRate = from.learningRate;
  for (const key of penaltyKeys) if (from?.[key] !== undefined) config[key] = from[key];
  return config;
}

function rateOf(learningRate: number | ScheduleConfig | undefined): number | undefined {
  return typeof learningRate === 'object' ? initialRate(learningRate) : learningRate;
}

function setting(command: string, flag: string, text: string): number {
  const n = text.trim() === '' ? Number.NaN : Number(text);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${flag} takes a number 0 or above, not '${text}'`, command);
  if (flag !== 'epsilon' && n > 1)
    throw new UsageError(`--${flag} takes a fraction from 0 to 1, not '${text}'`, command);
  return n;
}
