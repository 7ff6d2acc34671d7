import { writeFileSync } from 'node:fs';
import { modelSchemaText } from '../src/core/graph/json-schema';

// The published schema is generated from the same zod schemas the loader validates with.
const file = new URL('../resources/schema/model.schema.json', import.meta.url);
writeFileSync(file, modelSchemaText());
console.log(`wrote ${file.pathname}`);
