import { mkdirSync, writeFileSync } from 'node:fs';
import { nodeTypesMarkdown } from './node-docs';

const dir = new URL('../docs/', import.meta.url);
mkdirSync(dir, { recursive: true });
writeFileSync(new URL('node-types.md', dir), nodeTypesMarkdown());
console.log('wrote docs/node-types.md');
