import { z } from 'zod';
import type { InitName } from '../layers/kind';
import { nodeKinds } from '../layers/registry';
import { initNames } from '../train/init';
import { type TrainingJson, trainingJson } from './training';

export const MODEL_FORMAT = 'backprop-studio.model';
export const MODEL_VERSION = 1;

// Zod compiles validators with `new Function` unless told not to; the renderer's CSP forbids that.
z.config({ jitless: true });

const nodeId = z
  .string()
  .regex(/^[A-Za-z_][A-Za-z0-9_.-]*$/, 'ids start with a letter or _ and hold letters, digits, _ . -')
  .max(64);

export const tensorJson = z
  .object({
    shape: z.array(z.int().min(0)).describe('Sizes of each axis.'),
    data: z.array(z.number()).describe('Values in row-major order.'),
  })
  .strict()
  .check((ctx) => {
    const size = ctx.value.shape.reduce((a, b) => a * b, 1);
    if (ctx.value.data.length !== size) {
      ctx.issues.push({
        code: 'custom',
        input: ctx.value,
        path: ['data'],
        message: `data has ${ctx.value.data.length} values but shape [${ctx.value.shape.join(', ')}] needs ${size}`,
      });
    }
  });
export type TensorJson = z.infer<typeof tensorJson>;

const position = z.object({ x: z.number(), y: z.number() }).strict();

const initName = z.enum(initNames as [InitName, ...InitName[]]);
/** An initialiser by name, or with its setting: { name: 'constant', value } or { name: 'sparse', k }. */
export const initConfigJson = z
  .union(
    [
      initName,
      z
        .object({
          name: initName,
          value: z.number().optional().describe('constant: the value every element gets.'),
          k: z.int().min(1).optional().describe('sparse: incoming connections per unit.'),
        })
        .strict(),
    ],
    { error: () => `expected an initialiser name (${initNames.join(', ')}) or { name, value?, k? }` },
  )
  // An id makes the JSON Schema define it once and refer to it from every node type.
  .meta({ id: 'InitConfig' });
export type InitConfigJson = z.infer<typeof initConfigJson>;

function nodeSchema<C>(type: string, configSchema: z.ZodType<C>) {
  return z
    .object({
      id: nodeId,
      type: z.literal(type),
      name: z.string().max(200).optional().describe('A label shown instead of the id.'),
      config: (configSchema as unknown as z.ZodObject).prefault({}),
      position: position.optional(),
      trainable: z
        .boolean()
        .optional()
        .describe('false freezes the node: training leaves its parameters as they are (fine-tuning).'),
      init: z
        .record(z.string(), initConfigJson)
        .optional()
        .describe("Initialisers of missing parameters by parameter name, overriding the node type's defaults."),
      // Last, so that a model saved with parameters added keeps its field order when read again.
      params: z.record(z.string(), tensorJson).optional().describe('Missing parameters are initialised.'),
    })
    .strict();
}

const [firstKind, ...otherKinds] = nodeKinds;
export const nodeJson = z.discriminatedUnion('type', [
  nodeSchema(firstKind.type, firstKind.configSchema),
  ...otherKinds.map((k) => nodeSchema(k.type, k.configSchema)),
]);

export interface NodeJson {
  id: string;
  type: string;
  name?: string;
  config: Record<string, unknown>;
  position?: { x: number; y: number };
  params?: Record<string, TensorJson>;
  /** false: frozen, training leaves its parameters alone. */
  trainable?: boolean;
  init?: Record<string, InitConfigJson>;
}

export const edgeJson = z
  .object({
    from: nodeId.describe('Id of the node whose output the edge carries.'),
    to: nodeId.describe('Id of the node that takes it as an input; inputs are ordered as their edges are.'),
  })
  .strict();
export type EdgeJson = z.infer<typeof edgeJson>;

/** Numbers nested to [batch, ...sample shape]. */
export type NestedNumbers = (number | NestedNumbers)[];
const nestedNumbers: z.ZodType<NestedNumbers> = z.array(z.union([z.number(), z.lazy(() => nestedNumbers)]));

export const sampleJson = z
  .object({
    input: nestedNumbers.describe('One batch of inputs, [batch, ...input shape].'),
    target: nestedNumbers.optional().describe('The targets the loss compares the output with.'),
  })
  .strict();
export type SampleJson = z.infer<typeof sampleJson>;

export const modelJson = z
  .object({
    $schema: z.string().optional(),
    format: z.literal(MODEL_FORMAT),
    version: z.literal(MODEL_VERSION),
    name: z.string().optional(),
    description: z.string().optional(),
    nodes: z.array(nodeJson),
    edges: z.array(edgeJson),
    sample: sampleJson.optional(),
    training: trainingJson.optional().describe('How to train the model: data, split, batches, optimizer, penalties.'),
  })
  .strict();

export interface ModelJson {
  $schema?: string;
  format: typeof MODEL_FORMAT;
  version: typeof MODEL_VERSION;
  name?: string;
  description?: string;
  nodes: NodeJson[];
  edges: EdgeJson[];
  sample?: SampleJson;
  training?: TrainingJson;
}

export function emptyModel(): ModelJson {
  return { format: MODEL_FORMAT, version: MODEL_VERSION, nodes: [], edges: [] };
}
