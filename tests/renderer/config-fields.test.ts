import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { AnyNodeKind } from '../../src/core/layers/kind';
import { findKind, nodeKinds } from '../../src/core/layers/registry';
import { fieldsOf, formatFieldValue, parseFieldText } from '../../src/renderer/panels/config-fields';

// A kind with every sort of field the form must handle, independent of the kinds the registry has today.
const schema = z
  .object({
    filters: z.int().min(1).describe('Number of filters.'),
    rate: z.number().min(0).max(1).default(0.5),
    bias: z.boolean().default(true),
    mode: z.enum(['max', 'avg']).default('max'),
    kernel: z.union([z.int().min(1), z.tuple([z.int().min(1), z.int().min(1)])]),
    padding: z.union([z.int().min(0), z.tuple([z.int(), z.int()]), z.enum(['valid', 'same'])]).default(0),
    shape: z.array(z.int().min(1)).min(1),
    stride: z.int().min(1).optional(),
  })
  .strict();
const kind = { configSchema: schema } as unknown as AnyNodeKind;

describe('config form fields', () => {
  const fields = Object.fromEntries(fieldsOf(kind).map((f) => [f.key, f]));

  it('picks a control per field from the JSON Schema of the kind', () => {
    expect(fields.filters).toMatchObject({
      control: 'number',
      required: true,
      label: 'Filters',
      description: 'Number of filters.',
    });
    expect(fields.rate).toMatchObject({ control: 'number', required: false });
    expect(fields.bias.control).toBe('boolean');
    expect(fields.mode).toMatchObject({ control: 'choice', options: ['max', 'avg'] });
    expect(fields.kernel).toMatchObject({ control: 'text', takesNumber: true, takesList: true, hint: 'n or a, b' });
    expect(fields.padding).toMatchObject({ control: 'text', options: ['valid', 'same'] });
    expect(fields.shape).toMatchObject({ control: 'text', takesNumber: false, takesList: true });
    expect(fields.stride.required).toBe(false);
  });

  it('reads typed text as the schema expects it', () => {
    expect(parseFieldText(fields.filters, ' 8 ')).toBe(8);
    expect(parseFieldText(fields.filters, '8x')).toBe('8x');
    expect(parseFieldText(fields.filters, '')).toBeUndefined();
    expect(parseFieldText(fields.kernel, '3')).toBe(3);
    expect(parseFieldText(fields.kernel, '3, 5')).toEqual([3, 5]);
    expect(parseFieldText(fields.kernel, '[3 5]')).toEqual([3, 5]);
    expect(parseFieldText(fields.padding, 'same')).toBe('same');
    expect(parseFieldText(fields.shape, '4')).toEqual([4]);
    expect(parseFieldText(fields.shape, '1, 28, 28')).toEqual([1, 28, 28]);
    expect(parseFieldText(fields.shape, '2, a')).toEqual([2, 'a']);
    expect(formatFieldValue([1, 28, 28])).toBe('1, 28, 28');
    expect(formatFieldValue(undefined)).toBe('');
  });

  it('makes a form for every kind in the registry without throwing', () => {
    for (const registered of nodeKinds) expect(() => fieldsOf(registered)).not.toThrow();
    const dense = findKind('dense');
    expect(dense && fieldsOf(dense).map((f) => f.key)).toContain('units');
  });
});
