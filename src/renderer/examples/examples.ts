export interface Example {
  fileName: string;
  /** The model's name, or the file name when the file has none. */
  title: string;
  /** The first sentence of the model's description; empty when it has none. */
  summary: string;
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
    const { name, description } = headerOf(text);
    return { fileName, title: name || fileName, summary: firstSentence(description), text };
  })
  .sort((a, b) => a.title.localeCompare(b.title));

export function findExample(fileName: string): Example | undefined {
  return examples.find((e) => e.fileName === fileName);
}

/** Up to the first full stop that ends a sentence ("0.5." ends one; "0.5 and" does not). */
export function firstSentence(text: string): string {
  const match = /^[\s\S]*?[.!?](?=\s|$)/.exec(text.trim());
  return (match ? match[0] : text).trim();
}

function headerOf(text: string): { name: string; description: string } {
  try {
    const parsed = JSON.parse(text) as { name?: unknown; description?: unknown };
    return {
      name: typeof parsed.name === 'string' ? parsed.name : '',
      description: typeof parsed.description === 'string' ? parsed.description : '',
    };
  } catch {
    return { name: '', description: '' };
  }
}
