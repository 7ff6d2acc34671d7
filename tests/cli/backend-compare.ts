/** Comparing what two backends computed: the JSON of trace and train, number by number. */

export type Nested = number | null | Nested[];

export interface TraceJson {
  loss: number | null;
  nodes: Record<
    string,
    {
      type: string;
      output: Nested;
      grad: Nested | null;
      params: Record<string, { value: Nested; grad: Nested | null }>;
    }
  >;
  backend: { name: string; description: string };
}

/** How far one tensor of a run is from the same tensor of the reference run. */
export interface TensorDifference {
  /** "h.output", "h.W.grad", "loss". */
  tensor: string;
  maxAbsDiff: number;
  /** What the difference is measured against: the largest magnitude in the reference tensor (see traceDifferences). */
  scale: number;
}

export function relativeDifference(d: TensorDifference): number {
  return d.scale > 0 ? d.maxAbsDiff / d.scale : d.maxAbsDiff;
}

export function flatten(value: Nested | undefined): (number | null)[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.flatMap((v) => flatten(v)) : [value];
}

export function maxAbs(values: (number | null)[]): number {
  return values.reduce<number>((m, v) => (v === null ? m : Math.max(m, Math.abs(v))), 0);
}

/**
 * The largest difference between two tensors given as nested arrays. JSON writes NaN and
 * infinities as null: null matches only null. Another count of values is an infinite difference.
 */
export function maxAbsDifference(a: Nested | undefined, b: Nested | undefined): number {
  const x = flatten(a);
  const y = flatten(b);
  if (x.length !== y.length) return Number.POSITIVE_INFINITY;
  let worst = 0;
  for (let i = 0; i < x.length; i++) {
    const [u, v] = [x[i], y[i]];
    if (u === null || v === null) {
      if (u !== v) return Number.POSITIVE_INFINITY;
    } else worst = Math.max(worst, Math.abs(u - v));
  }
  return worst;
}

/**
 * Every tensor of a trace (each node's output and dLoss/d(output), each parameter and its
 * gradient, the loss) against the reference trace. Each difference is measured against the
 * largest magnitude of the reference tensor, except a parameter's gradient, measured against the
 * larger of its own and its node's output gradient: a bias gradient is the sum of the output
 * gradient over the batch, and where those terms cancel (batch norm subtracts their mean; the
 * spiral samples come in mirrored pairs) the exact sum is 0 and both backends return float32
 * rounding noise of the terms, around 1e-9 against terms near 1e-2. Its own size is then no scale.
 */
export function traceDifferences(reference: TraceJson, other: TraceJson): TensorDifference[] {
  const out: TensorDifference[] = [];
  const add = (tensor: string, a: Nested | undefined, b: Nested | undefined, scale = maxAbs(flatten(a))) =>
    out.push({ tensor, maxAbsDiff: maxAbsDifference(a, b), scale });
  add('loss', reference.loss, other.loss);
  const ids = new Set([...Object.keys(reference.nodes), ...Object.keys(other.nodes)]);
  for (const id of ids) {
    const [a, b] = [reference.nodes[id], other.nodes[id]];
    add(`${id}.output`, a?.output, b?.output);
    add(`${id}.grad`, a?.grad ?? undefined, b?.grad ?? undefined);
    const upstream = maxAbs(flatten(a?.grad ?? undefined));
    for (const name of new Set([...Object.keys(a?.params ?? {}), ...Object.keys(b?.params ?? {})])) {
      const [p, q] = [a?.params[name], b?.params[name]];
      add(`${id}.${name}`, p?.value, q?.value);
      const grad = p?.grad ?? undefined;
      add(`${id}.${name}.grad`, grad, q?.grad ?? undefined, Math.max(maxAbs(flatten(grad)), upstream));
    }
  }
  return out;
}
