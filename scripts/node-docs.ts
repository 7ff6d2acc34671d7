import { z } from 'zod';
import { nodeKinds } from '../src/core/layers/registry';

interface PropertySchema {
  type?: string | string[];
  description?: string;
  default?: unknown;
  enum?: unknown[];
  anyOf?: PropertySchema[];
  oneOf?: PropertySchema[];
  items?: PropertySchema;
}

function typeText(p: PropertySchema): string {
  if (p.enum) return p.enum.map((v) => JSON.stringify(v)).join(' \\| ');
  const alternatives = p.anyOf ?? p.oneOf;
  if (alternatives) return alternatives.map(typeText).join(' or ');
  if (p.type === 'array') return `${p.items ? typeText(p.items) : 'value'}[]`;
  return Array.isArray(p.type) ? p.type.join(' or ') : (p.type ?? 'value');
}

function configRows(schema: z.ZodType): string[] {
  const json = z.toJSONSchema(schema, { io: 'input' }) as {
    properties?: Record<string, PropertySchema>;
    required?: string[];
  };
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, p]) => {
    const def = p.default !== undefined ? JSON.stringify(p.default) : required.has(name) ? 'required' : '';
    return `| \`${name}\` | ${typeText(p)} | ${def} | ${p.description ?? ''} |`;
  });
}

const categoryTitles = { input: 'Input', layer: 'Layers', activation: 'Activations', loss: 'Losses' } as const;

/** docs/node-types.md, written from the registry so that it lists every kind the engine has. */
export function nodeTypesMarkdown(): string {
  const lines = [
    '# Node types',
    '',
    "Generated from the engine's registry by `npm run docs`; do not edit by hand.",
    "Each node's `config` takes the fields below; omitted fields take their defaults.",
  ];
  for (const [category, title] of Object.entries(categoryTitles)) {
    lines.push('', `## ${title}`);
    for (const kind of nodeKinds.filter((k) => k.category === category)) {
      lines.push('', `### ${kind.label} (\`"type": "${kind.type}"\`)`, '', kind.summary);
      const rows = configRows(kind.configSchema);
      if (rows.length) lines.push('', '| config | type | default | meaning |', '| --- | --- | --- | --- |', ...rows);
      const f = kind.formula(kind.defaultConfig);
      lines.push('', `Forward: $${f.forward}$`, '', `Backward: $${f.backward}$`);
    }
  }
  return `${lines.join('\n')}\n`;
}
