import { findNodeAtLocation, type Node, type ParseError, parse, parseTree, printParseErrorCode } from 'jsonc-parser';
import type { z } from 'zod';
import { nodeTypes } from '../layers/registry';
import { compile, type Plan } from './compile';
import { type Issue, jsonPath } from './issues';
import { type ModelJson, modelJson } from './model';
import { checkParams } from './params';
import { checkSample } from './sample';

export interface LoadResult {
  /** The model, when it is well-formed enough to compile; issues may still name problems in it. */
  model?: ModelJson;
  plan?: Plan;
  issues: Issue[];
}

/**
 * Validates a model value: the schema first, then the graph (ids, edges, cycles, arity,
 * shapes), the stored parameters and the sample. Every issue says where it is.
 */
export function validateModel(value: unknown, options: { batch?: number } = {}): LoadResult {
  const parsed = modelJson.safeParse(value);
  if (!parsed.success) return { issues: parsed.error.issues.map((i) => schemaIssue(i, value)) };
  const model = parsed.data as ModelJson;
  const { plan, issues } = compile(model, options);
  for (const issue of issues) if (issue.nodeId && !issue.path) issue.path = nodePath(model, issue.nodeId);
  issues.push(...checkParams(model, plan), ...checkSample(model, plan));
  return { model, plan, issues };
}

/** Parses and validates model text; issues carry line and column in that text. */
export function loadModelText(text: string, options: { batch?: number } = {}): LoadResult {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length) {
    return {
      issues: errors
        .slice(0, 5)
        .map((e) => ({ message: `invalid JSON: ${describeParseError(e)}`, ...lineColumn(text, e.offset) })),
    };
  }
  const result = validateModel(value, options);
  const tree = parseTree(text);
  if (tree) for (const issue of result.issues) locate(issue, tree, text);
  return result;
}

function describeParseError(e: ParseError): string {
  const code = printParseErrorCode(e.error);
  const words = code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
  return words === 'invalid symbol' ? 'unexpected character (NaN, Infinity and comments are not JSON)' : words;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function locate(issue: Issue, tree: Node, text: string): void {
  if (!issue.path) return;
  const segments: (string | number)[] = [];
  for (const m of issue.path.matchAll(/\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g)) {
    if (m[1] !== undefined) segments.push(m[1]);
    else if (m[2] !== undefined) segments.push(Number(m[2]));
    else segments.push(JSON.parse(`"${m[3]}"`));
  }
  // A missing property has no place of its own: point at the nearest object that holds it.
  while (segments.length) {
    const node = findNodeAtLocation(tree, segments);
    if (node) {
      Object.assign(issue, lineColumn(text, node.offset));
      return;
    }
    segments.pop();
  }
  Object.assign(issue, lineColumn(text, tree.offset));
}

function nodePath(model: ModelJson, id: string): string | undefined {
  const i = model.nodes.findIndex((n) => n.id === id);
  return i >= 0 ? `$.nodes[${i}]` : undefined;
}

function schemaIssue(issue: z.core.$ZodIssue, value: unknown): Issue {
  const path = jsonPath(issue.path);
  const nodeId = nodeIdAt(value, issue.path);
  const last = issue.path[issue.path.length - 1];
  if (issue.code === 'invalid_union' && last === 'type') {
    const type = valueAt(value, issue.path);
    return {
      message: `unknown node type ${JSON.stringify(type)}; known types: ${nodeTypes().join(', ')}`,
      path,
      nodeId,
    };
  }
  if (issue.code === 'unrecognized_keys') {
    return {
      message: `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `'${k}'`).join(', ')}`,
      path,
      nodeId,
    };
  }
  return { message: issue.message, path, nodeId };
}

function valueAt(value: unknown, path: readonly PropertyKey[]): unknown {
  let v = value;
  for (const s of path) v = v && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[s] : undefined;
  return v;
}

function nodeIdAt(value: unknown, path: readonly PropertyKey[]): string | undefined {
  if (path[0] !== 'nodes' || typeof path[1] !== 'number') return undefined;
  const id = (valueAt(value, path.slice(0, 2)) as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : undefined;
}
