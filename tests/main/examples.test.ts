import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listExamples } from '../../src/main/examples';

describe('example list for the menu', () => {
  it('lists the shipped examples by model name', async () => {
    const dir = fileURLToPath(new URL('../../resources/examples', import.meta.url));
    const examples = await listExamples(dir);
    expect(examples).toContainEqual({
      fileName: 'backprop-2-2-2.json',
      title: 'Worked backpropagation example (2-2-2)',
    });
    expect(examples.map((e) => e.title)).toEqual([...examples.map((e) => e.title)].sort((a, b) => a.localeCompare(b)));
  });

  it('falls back to the file name, skips other files, and survives a missing folder', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'examples-'));
    writeFileSync(path.join(dir, 'broken.json'), '{ not json');
    writeFileSync(path.join(dir, 'named.json'), JSON.stringify({ name: 'A named model' }));
    writeFileSync(path.join(dir, 'notes.txt'), 'not a model');
    expect(await listExamples(dir)).toEqual([
      { fileName: 'named.json', title: 'A named model' },
      { fileName: 'broken.json', title: 'broken.json' },
    ]);
    expect(await listExamples(path.join(dir, 'missing'))).toEqual([]);
  });
});
