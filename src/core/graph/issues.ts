/** One problem found in a model, with where it is: a JSON path, a node id, a line. */
export interface Issue {
  message: string;
  /** JSONPath into the model file, such as $.nodes[2].config.units. */
  path?: string;
  nodeId?: string;
  line?: number;
  column?: number;
}

export function jsonPath(segments: readonly PropertyKey[]): string {
  let out = '$';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (typeof s === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(s)) out += `.${s}`;
    else out += `[${JSON.stringify(String(s))}]`;
  }
  return out;
}

/** "file.json:12:7 $.nodes[2].config.units (node h): message" — every part that is known. */
export function formatIssue(issue: Issue, file?: string): string {
  const where: string[] = [];
  if (file) where.push(issue.line !== undefined ? `${file}:${issue.line}:${issue.column ?? 1}` : file);
  else if (issue.line !== undefined) where.push(`line ${issue.line}:${issue.column ?? 1}`);
  if (issue.path) where.push(issue.path);
  if (issue.nodeId) where.push(`(node ${issue.nodeId})`);
  return where.length ? `${where.join(' ')}: ${issue.message}` : issue.message;
}

export class ModelError extends Error {
  override name = 'ModelError';
  readonly issues: Issue[];
  constructor(issues: Issue[], file?: string) {
    super(issues.map((i) => formatIssue(i, file)).join('\n'));
    this.issues = issues;
  }
}
