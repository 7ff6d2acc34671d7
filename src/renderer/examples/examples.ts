export interface Example {
  fileName: string;
  /** The model's name, or the file name when the file has none. */
  title: string;
  text: string;
}

// The files ship as text so that issues point at lines of the file the user sees.
const files = import.meta.glob<string>('../../../resources/examples/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const examples: readonly Example[] = Object.entries(files)
  .map(([path, text]) => {
    const fileName = path.slice(path.lastIndexOf('/') + 1);
    return { fileName, title: titleOf(text) ?? fileName, text };
  })
  .sort((a, b) => a.title.localeCompare(b.title));

export function findExample(fileName: string): Example | undefined {
  return examples.find((e) => e.fileName === fileName);
}

function titleOf(text: string): string | undefined {
  try {
    const name = (JSON.parse(text) as { name?: unknown }).name;
    return typeof name === 'string' && name ? name : undefined;
  } catch {
    return undefined;
  }
}
