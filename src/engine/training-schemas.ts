import { z } from 'zod';
import { datasetSpecJson, optimizerTypes, searchMethods, trainingJson } from '../core';
import { TRAINING_REQUEST_TYPES } from '../protocol/training';

const csv = z.object({ text: z.string(), labelType: z.enum(['auto', 'numeric', 'categorical']).optional() }).strict();
const model = z.looseObject({});
const positive = z.number().positive();

const space = z
  .object({
    learningRate: z.union([z.object({ min: positive, max: positive }).strict(), z.array(positive).min(1)]).optional(),
    batchSize: z
      .array(z.union([z.int().min(1), z.literal('full')]))
      .min(1)
      .optional(),
    units: z.array(z.int().min(1)).min(1).optional(),
    activation: z.array(z.string()).min(1).optional(),
    optimizer: z
      .array(z.enum(optimizerTypes as [string, ...string[]]))
      .min(1)
      .optional(),
  })
  .strict();

/** The parameters of the training requests, checked before the session sees them. */
export const trainingParamSchemas = {
  'train-start': z
    .object({
      model,
      settings: trainingJson.optional(),
      maxEpochs: z.int().min(1).optional(),
      maxSteps: z.int().min(1).optional(),
      csv: csv.optional(),
    })
    .strict(),
  'train-control': z.object({ action: z.enum(['pause', 'resume', 'stop']) }).strict(),
  'dataset-preview': z
    .object({ spec: datasetSpecJson, csv: csv.optional(), limit: z.int().min(1).max(100_000).optional() })
    .strict(),
  'search-start': z
    .object({
      model,
      method: z.enum(searchMethods as [string, ...string[]]),
      space,
      trials: z.int().min(1).max(1000),
      epochs: z.int().min(1).optional(),
      seed: z.int().min(0).optional(),
      gridPoints: z.int().min(1).max(50).optional(),
      csv: csv.optional(),
    })
    .strict(),
} satisfies Record<(typeof TRAINING_REQUEST_TYPES)[number], z.ZodType>;

/**
 * Requests the host hands to the session at once instead of queueing: a run must not hold up the
 * loads and steps behind it, and a stop must reach a run while it is still going.
 */
export function runsAlongside(message: unknown): boolean {
  const type = typeof message === 'object' && message !== null ? (message as { type?: unknown }).type : undefined;
  return type === 'train-start' || type === 'train-control' || type === 'search-start';
}
