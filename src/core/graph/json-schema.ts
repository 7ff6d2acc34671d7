import { z } from 'zod';
import { MODEL_FORMAT, MODEL_VERSION, modelJson } from './model';

/** The model format as a JSON Schema (draft 2020-12), for editors and other tools. */
export function modelJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(modelJson, { target: 'draft-2020-12', io: 'input' });
  return {
    $schema: schema.$schema,
    $id: `urn:backprop-studio:model:v${MODEL_VERSION}`,
    title: 'Backprop Studio model',
    description: `A neural network as a graph of nodes and edges ("format": "${MODEL_FORMAT}"), with optional weights and a sample input/target pair.`,
    ...Object.fromEntries(Object.entries(schema).filter(([k]) => k !== '$schema')),
  };
}

export function modelSchemaText(): string {
  return `${JSON.stringify(modelJsonSchema(), null, 2)}\n`;
}
