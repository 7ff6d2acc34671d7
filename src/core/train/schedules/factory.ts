import { z } from 'zod';
import { cosineDecay, linearCosineDecay, noisyLinearCosineDecay } from './cosine';
import { exponentialDecay, inverseTimeDecay, naturalExpDecay } from './decay';
import { piecewiseConstant } from './piecewise-constant';
import { polynomialDecay } from './polynomial';
import { constantSchedule, type Schedule } from './schedule';

const rate = z.number().positive().describe('The learning rate at step 0.');
const decaySteps = z.number().positive().describe('T: the number of steps the decay is measured in.');
const decayRate = z.number().min(0).describe('r: how strongly the rate decays per T steps.');
const staircase = z.boolean().default(false).describe('Use floor(t / T): the rate changes once every T steps.');

const decay = <T extends string>(type: T) =>
  z.object({ type: z.literal(type), learningRate: rate, decaySteps, decayRate, staircase }).strict();

const linearCosineFields = {
  learningRate: rate,
  decaySteps,
  numPeriods: z.number().min(0).default(0.5),
  alpha: z.number().default(0),
  beta: z.number().default(0.001),
};

/** Every schedule as a config object; defaults are TensorFlow's. */
export const scheduleConfig = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('constant'), learningRate: rate }).strict(),
    z
      .object({
        type: z.literal('piecewise_constant'),
        boundaries: z.array(z.number()).describe('Steps at which the rate changes, increasing.'),
        values: z.array(z.number().min(0)).min(1).describe('One more value than boundaries.'),
      })
      .strict(),
    decay('exponential'),
    decay('natural_exp'),
    decay('inverse_time'),
    z
      .object({
        type: z.literal('polynomial'),
        learningRate: rate,
        decaySteps,
        endLearningRate: z.number().min(0).default(0.0001),
        power: z.number().default(1),
        cycle: z.boolean().default(false),
      })
      .strict(),
    z.object({ type: z.literal('cosine'), learningRate: rate, decaySteps, alpha: z.number().default(0) }).strict(),
    z.object({ type: z.literal('linear_cosine'), ...linearCosineFields }).strict(),
    z
      .object({
        type: z.literal('noisy_linear_cosine'),
        ...linearCosineFields,
        initialVariance: z.number().min(0).default(1),
        varianceDecay: z.number().default(0.55),
        seed: z.int().default(0),
      })
      .strict(),
  ])
  // An id makes the model's JSON Schema define it once for all six optimizer types.
  .meta({ id: 'Schedule' });

/** A schedule config as written by a user: defaults may be left out. */
export type ScheduleConfig = z.input<typeof scheduleConfig>;
export type ScheduleType = ScheduleConfig['type'];

/** The schedule a config describes; throws a zod error naming the bad field. */
export function createSchedule(config: ScheduleConfig): Schedule {
  const c = scheduleConfig.parse(config);
  switch (c.type) {
    case 'constant':
      return constantSchedule(c.learningRate);
    case 'piecewise_constant':
      return piecewiseConstant(c.boundaries, c.values);
    case 'exponential':
      return exponentialDecay(c);
    case 'natural_exp':
      return naturalExpDecay(c);
    case 'inverse_time':
      return inverseTimeDecay(c);
    case 'polynomial':
      return polynomialDecay(c);
    case 'cosine':
      return cosineDecay(c);
    case 'linear_cosine':
      return linearCosineDecay(c);
    case 'noisy_linear_cosine':
      return noisyLinearCosineDecay(c);
  }
}
