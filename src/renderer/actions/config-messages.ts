import type { z } from 'zod';

/** Zod's issues reworded for a form field: what the value must be, in the words a user would use. */
export function fieldMessage(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} value${issue.minimum === 1 ? '' : 's'}`;
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be more than ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'array') return `takes at most ${issue.maximum} value${issue.maximum === 1 ? '' : 's'}`;
      return issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
    case 'invalid_type':
      if (value === undefined) return 'is required';
      if (issue.expected === 'int') return 'must be a whole number';
      if (issue.expected === 'number') return 'must be a number';
      if (issue.expected === 'array') return 'must be a list of numbers, like 2, 3';
      return `must be a ${issue.expected}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_union':
      return 'does not match any of the accepted forms';
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

/** One message per top-level field; an item's problem is reported on its list ("item 2 must be ..."). */
export function fieldErrorsOf(error: z.ZodError, input: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const [field, item] = issue.path;
    const key = field === undefined ? '' : String(field);
    if (key in out) continue;
    const prefix = typeof item === 'number' ? `item ${item + 1} ` : '';
    out[key] = `${prefix}${fieldMessage(issue, valueAt(input, issue.path))}`;
  }
  return out;
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let at = value;
  for (const key of path)
    at = at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[key] : undefined;
  return at;
}
