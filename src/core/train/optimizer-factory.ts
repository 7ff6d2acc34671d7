import { z } from 'zod';
import { adagrad } from './adagrad';
import { adam } from './adam';
import { momentum } from './momentum';
import { nesterov } from './nesterov';
import type { Optimizer } from './optimizer';
import { rmsprop } from './rmsprop';
import { createSchedule, scheduleConfig } from './schedules/factory';
import { sgd } from './sgd';

const positive = z.number().positive();
const common = {
  learningRate: z.union([positive, scheduleConfig]).optional().describe('A rate or a schedule config.'),
  l1: z.number().min(0).optional(),
  l2: z.number().min(0).optional(),
  clipValue: positive.optional(),
  clipNorm: positive.optional(),
  maxNorm: positive.optional(),
};
const fraction = z.number().min(0).max(1);

/** Every optimizer as a config object, { type, learningRate, ...params }; what is left out takes Keras's default. */
export const optimizerConfig = z.discriminatedUnion('type', [
  z.object({ type: z.literal('sgd'), ...common }).strict(),
  z.object({ type: z.literal('momentum'), ...common, momentum: fraction.optional() }).strict(),
  z.object({ type: z.literal('nesterov'), ...common, momentum: fraction.optional() }).strict(),
  z
    .object({
      type: z.literal('adagrad'),
      ...common,
      initialAccumulatorValue: z.number().min(0).optional(),
      epsilon: z.number().min(0).optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('rmsprop'),
      ...common,
      rho: fraction.optional(),
      momentum: fraction.optional(),
      epsilon: z.number().min(0).optional(),
      centered: z.boolean().optional(),
    })
    .strict(),
  z
    .object({
      type: z.literal('adam'),
      ...common,
      beta1: fraction.optional(),
      beta2: fraction.optional(),
      epsilon: z.number().min(0).optional(),
      amsgrad: z.boolean().optional(),
    })
    .strict(),
]);

export type OptimizerConfig = z.input<typeof optimizerConfig>;
export type OptimizerType = OptimizerConfig['type'];
export const optimizerTypes: readonly OptimizerType[] = ['sgd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam'];

/** The optimizer a config describes; throws a zod error naming the bad field. */
export function createOptimizerFromConfig(config: OptimizerConfig): Optimizer {
  const { type, learningRate, ...rest } = optimizerConfig.parse(config);
  const settings = {
    ...rest,
    learningRate: typeof learningRate === 'object' ? createSchedule(learningRate) : learningRate,
  };
  switch (type) {
    case 'sgd':
      return sgd(settings);
    case 'momentum':
      return momentum(settings);
    case 'nesterov':
      return nesterov(settings);
    case 'adagrad':
      return adagrad(settings);
    case 'rmsprop':
      return rmsprop(settings);
    case 'adam':
      return adam(settings);
  }
}
