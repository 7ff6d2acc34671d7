import { z } from 'zod';
import { nodeKinds } from '../layers/registry';

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

function nodeSchema<C>(type: string, configSchema: z.ZodType<C>) {
  return z
    .object({
      id: nodeId,
      type: z.literal(type),
      name: z.string().max(200).optional().describe('A label shown instead of the id.'),
      config: (configSchema as unknown as z.ZodObject).prefault({}),
      position: position.optional(),
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
}

export function emptyModel(): ModelJson {
  return { format: MODEL_FORMAT, version: MODEL_VERSION, nodes: [], edges: [] };
}
