/**
 * Kahn's algorithm, taking ready nodes in their original order so the plan follows the file.
 * Nodes left over sit on or behind a cycle; each cycle is reported once, as a closed path.
 */
export function topologicalOrder(
  ids: string[],
  inputsOf: Map<string, string[]>,
  consumersOf: Map<string, string[]>,
): { order: string[]; cyclic: string[][] } {
  const pending = new Map(ids.map((id) => [id, inputsOf.get(id)?.length ?? 0]));
  const order: string[] = [];
  let ready = ids.filter((id) => pending.get(id) === 0);
  while (ready.length) {
    const next: string[] = [];
    for (const id of ready) {
      order.push(id);
      for (const c of consumersOf.get(id) ?? []) {
        const left = (pending.get(c) ?? 0) - 1;
        pending.set(c, left);
        if (left === 0) next.push(c);
      }
    }
    ready = ids.filter((id) => next.includes(id));
  }
  const placed = new Set(order);
  const rest = ids.filter((id) => !placed.has(id));
  return { order, cyclic: findCycles(rest, inputsOf) };
}

function findCycles(rest: string[], inputsOf: Map<string, string[]>): string[][] {
  const left = new Set(rest);
  const reported = new Set<string>();
  const cycles: string[][] = [];
  for (const start of rest) {
    if (reported.has(start)) continue;
    // Walk backwards along inputs that are also unplaced; a walk in a finite set must repeat.
    const path: string[] = [];
    const seenAt = new Map<string, number>();
    let at: string | undefined = start;
    while (at !== undefined && !seenAt.has(at)) {
      seenAt.set(at, path.length);
      path.push(at);
      at = (inputsOf.get(at) ?? []).find((i) => left.has(i));
    }
    if (at === undefined) continue;
    const cycle = path.slice(seenAt.get(at)).reverse();
    if (cycle.some((id) => reported.has(id))) continue;
    for (const id of cycle) reported.add(id);
    cycles.push([...cycle, cycle[0]]);
  }
  return cycles;
}
