import { z } from 'zod';
import { jsonPath, type NestedNumbers } from '../core';
import { type ErrorReply, errorReply } from '../protocol/messages';
import { type EngineRequest, REQUEST_TYPES, type RequestType } from '../protocol/requests';
import { inspectParamSchemas } from './inspect-schemas';
import { trainingParamSchemas } from './training-schemas';

const dtype = z.enum(['float32', 'float64']);
const nestedNumbers: z.ZodType<NestedNumbers> = z.array(z.union([z.number(), z.lazy(() => nestedNumbers)]));
const passData = { input: nestedNumbers.optional(), target: nestedNumbers.optional() };

const paramSchemas: Record<RequestType, z.ZodType> = {
  hello: z.object({ clientVersion: z.int() }).strict(),
  load: z
    .object({
      model: z.unknown().optional(),
      text: z.string().optional(),
      dtype: dtype.optional(),
      seed: z.int().optional(),
    })
    .strict()
    .refine((p) => (p.model === undefined) !== (p.text === undefined), 'give exactly one of model and text'),
  trace: z.object({ ...passData, dtype: dtype.optional() }).strict(),
  step: z.object({ direction: z.enum(['forward', 'backward', 'reset', 'pass']), ...passData }).strict(),
  train: z
    .object({
      steps: z.int().min(1).max(1_000_000),
      learningRate: z.number().positive(),
      progressEvery: z.int().min(1).optional(),
      ...passData,
    })
    .strict(),
  'apply-update': z.object({ learningRate: z.number().positive() }).strict(),
  'set-backend': z.object({ preference: z.enum(['auto', 'webgpu', 'cpu']) }).strict(),
  ...inspectParamSchemas,
  ...trainingParamSchemas,
};

export type CheckedRequest = { ok: true; request: EngineRequest } | { ok: false; reply: ErrorReply };

/** Checks that a message is a request the engine knows, with parameters of the right types. */
export function validateRequest(message: unknown): CheckedRequest {
  if (typeof message !== 'object' || message === null || Array.isArray(message)) {
    return fail(null, 'bad-request', 'a request is an object with an id and a type', '$');
  }
  const { id, type, ...params } = message as Record<string, unknown>;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 0) {
    return fail(null, 'bad-request', 'a request needs an id: a non-negative integer', '$.id');
  }
  if (typeof type !== 'string' || !REQUEST_TYPES.includes(type as RequestType)) {
    return fail(
      id,
      'unknown-request',
      `unknown request type ${JSON.stringify(type)}; known: ${REQUEST_TYPES.join(', ')}`,
      '$.type',
    );
  }
  const parsed = paramSchemas[type as RequestType].safeParse(params);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = jsonPath(issue.path);
    return fail(id, 'bad-request', `${type}: ${path} ${issue.message}`, path);
  }
  // The schema for this type has just accepted these parameters.
  return { ok: true, request: { id, type, ...(parsed.data as object) } as EngineRequest };
}

function fail(
  id: number | null,
  code: 'bad-request' | 'unknown-request',
  message: string,
  path: string,
): CheckedRequest {
  return { ok: false, reply: errorReply(id, { code, message, path }) };
}
