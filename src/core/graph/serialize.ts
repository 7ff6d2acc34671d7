import type { ModelJson } from './model';

/**
 * Model JSON as people read it: two-space indentation, with arrays of plain numbers kept on one
 * line so that weights do not run to a line per value. JSON numbers print the shortest decimal
 * that parses back to the same double, so float32 weights survive a save and load bit for bit.
 */
export function formatModel(model: ModelJson): string {
  const text = JSON.stringify(model, null, 2);
  return `${text.replace(/\[\s*((?:-?[\d.eE+-]+\s*,\s*)*-?[\d.eE+-]+)\s*\]/g, (_m, body: string) => `[${body.split(/\s*,\s*/).join(', ')}]`)}\n`;
}
