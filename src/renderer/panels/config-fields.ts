import { z } from 'zod';
import type { AnyNodeKind } from '../../core/layers/kind';

/** How a config field is edited. `text` takes the rest: lists, unions such as "3 or 3, 3". */
export type FieldControl = 'number' | 'boolean' | 'choice' | 'text';

export interface FieldSpec {
  key: string;
  label: string;
  description?: string;
  control: FieldControl;
  /** The values of a choice, and named values a text field also takes ("same"). */
  options: string[];
  /** Whether a bare number stands for itself in a text field (else it is a one-item list). */
  takesNumber: boolean;
  takesList: boolean;
  required: boolean;
  /** What the field accepts, in words, for the placeholder. */
  hint: string;
}

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema | false;
  prefixItems?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  description?: string;
  default?: unknown;
}

function variants(schema: JsonSchema): JsonSchema[] {
  const list = schema.anyOf ?? schema.oneOf;
  return list ? list.flatMap(variants) : [schema];
}

function isNumeric(s: JsonSchema): boolean {
  return s.type === 'number' || s.type === 'integer' || typeof s.const === 'number';
}

function formOf(s: JsonSchema): string {
  if (s.type === 'integer') return 'n';
  if (s.type === 'number') return 'x';
  if (s.type === 'array') return s.prefixItems ? s.prefixItems.map((_, i) => 'abcd'[i] ?? 'n').join(', ') : '2, 3, …';
  if (s.enum) return s.enum.join(' / ');
  return String(s.type ?? 'value');
}

/** "weightNorm" → "Weight norm", "kernel_size" → "Kernel size". */
export function fieldLabel(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const cache = new WeakMap<AnyNodeKind, FieldSpec[]>();

/** The form for a kind's config, read from its zod schema through JSON Schema. */
export function fieldsOf(kind: AnyNodeKind): FieldSpec[] {
  const hit = cache.get(kind);
  if (hit) return hit;
  const root = z.toJSONSchema(kind.configSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const required = new Set(root.required ?? []);
  const fields = Object.entries(root.properties ?? {}).map(([key, schema]): FieldSpec => {
    const forms = variants(schema);
    const options = forms.flatMap((f) => (f.enum ?? []).map(String));
    const takesNumber = forms.some(isNumeric);
    const takesList = forms.some((f) => f.type === 'array');
    let control: FieldControl = 'text';
    if (forms.length === 1 && forms[0].type === 'boolean') control = 'boolean';
    else if (forms.every((f) => f.enum)) control = 'choice';
    else if (forms.length === 1 && isNumeric(forms[0])) control = 'number';
    return {
      key,
      label: fieldLabel(key),
      description: schema.description,
      control,
      options,
      takesNumber,
      takesList,
      required: required.has(key),
      hint: forms.map(formOf).join(' or '),
    };
  });
  cache.set(kind, fields);
  return fields;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

function numberOrText(text: string): number | string {
  return NUMBER.test(text) ? Number(text) : text;
}

/**
 * What the typed text means for this field. Text that is not a number stays text, so the schema
 * names the problem ("must be a number") rather than the form guessing.
 */
export function parseFieldText(spec: FieldSpec, text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  if (spec.options.includes(t)) return t;
  const body = t.replace(/^\[|\]$/g, '').trim();
  const items = body.split(/\s*,\s*|\s+/).filter((s) => s !== '');
  const looksLikeList = t.startsWith('[') || items.length > 1;
  if (spec.takesList && (looksLikeList || !spec.takesNumber)) return items.map(numberOrText);
  return numberOrText(t);
}

export function formatFieldValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(', ');
  return String(value);
}
