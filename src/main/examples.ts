import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ExampleEntry {
  fileName: string;
  /** The model's name, or the file name when it has none or cannot be read. */
  title: string;
}

/** The example models in a folder, for the File menu, sorted by title. */
export async function listExamples(dir: string): Promise<ExampleEntry[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const entries = await Promise.all(
    names.map(async (fileName) => ({ fileName, title: (await modelName(path.join(dir, fileName))) ?? fileName })),
  );
  return entries.sort((a, b) => a.title.localeCompare(b.title));
}

async function modelName(file: string): Promise<string | undefined> {
  try {
    const name = (JSON.parse(await readFile(file, 'utf8')) as { name?: unknown }).name;
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}
