import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeTypesMarkdown } from '../../scripts/node-docs';
import { nodeKinds } from '../../src/core/layers/registry';

describe('docs/node-types.md', () => {
  const committed = readFileSync(new URL('../../docs/node-types.md', import.meta.url), 'utf8');

  it('is up to date with the registry (run npm run docs)', () => {
    expect(committed).toBe(nodeTypesMarkdown());
  });

  it('documents every node kind', () => {
    for (const kind of nodeKinds) expect(committed).toContain(`"type": "${kind.type}"`);
  });
});
