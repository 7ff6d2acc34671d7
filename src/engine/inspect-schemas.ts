import { z } from 'zod';
import { type InitName, initNames } from '../core';
import { INSPECT_DATASETS, type InspectDataset } from '../protocol/inspect-messages';

const positive = z.number().positive();

/** The parameters of the inspector requests, checked before they reach the session. */
export const inspectParamSchemas = {
  inspect: z
    .object({
      steps: z.int().min(0).max(5000).optional(),
      dataset: z.enum(INSPECT_DATASETS as [InspectDataset, ...InspectDataset[]]).optional(),
      vanishingRatio: positive.max(1).optional(),
      explodingFactor: z.number().gt(1).optional(),
      saturationThreshold: positive.max(1).optional(),
      bins: z.int().min(2).max(200).optional(),
    })
    .strict(),
  gradcheck: z.object({ nodeId: z.string().min(1).optional() }).strict(),
  'init-compare': z
    .object({
      initialisers: z
        .array(z.enum(initNames as [InitName, ...InitName[]]))
        .min(1)
        .max(initNames.length),
      vanishingRatio: positive.max(1).optional(),
      explodingFactor: z.number().gt(1).optional(),
    })
    .strict(),
} as const;
