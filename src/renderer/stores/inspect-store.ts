import { create } from 'zustand';
import type { ModelJson } from '../../core/graph/model';
import type { GradientFlag } from '../../core/inspect/gradient-flow';
import type { InitName } from '../../core/layers/kind';
import type {
  GradcheckResult,
  InitCompareResult,
  InspectDataset,
  InspectResult,
} from '../../protocol/inspect-messages';
import { sameComputation } from '../debugger/same-computation';
import { asClientError, type EngineClient } from '../engine-client';
import {
  DEFAULT_THRESHOLDS,
  type GradientThresholds,
  readThresholds,
  saveThresholds,
} from '../inspectors/threshold-preferences';

/** One engine run for the inspectors and what came of it, with the document it was asked about. */
export interface EngineRun<R> {
  model: ModelJson;
  status: 'running' | 'done' | 'error';
  result?: R;
  error?: string;
}

export interface InspectionRun extends EngineRun<InspectResult> {
  /** Training steps before the inspected pass: 0 for the network as it is. */
  steps: number;
  dataset?: InspectDataset;
}

/** The whole graph's gradient check is kept under this key; a node's under its id. */
export const WHOLE_GRAPH = '';

/** What initialisers compare by default: none, too small, calibrated, Xavier, He (core's defaultComparedInits). */
export const DEFAULT_INITIALISERS: readonly InitName[] = [
  'zeros',
  'small_random',
  'calibrated',
  'glorot_uniform',
  'he_normal',
];

export interface InspectState {
  inspection: InspectionRun | null;
  gradchecks: Readonly<Record<string, EngineRun<GradcheckResult>>>;
  initCompare: EngineRun<InitCompareResult> | null;
  thresholds: GradientThresholds;
  /** How many steps "Train and inspect" runs. */
  trainSteps: number;
  initialisers: readonly InitName[];

  /** The data inspections run on: a built-in 2-D set, or null for the model's own. */
  dataset: InspectDataset | null;

  /** Inspects the document (after some training steps) on the chosen data. */
  inspect(client: EngineClient, model: ModelJson, steps?: number): Promise<void>;
  gradcheck(client: EngineClient, model: ModelJson, nodeId?: string): Promise<void>;
  compareInits(client: EngineClient, model: ModelJson): Promise<void>;
  setThresholds(thresholds: GradientThresholds): void;
  setTrainSteps(steps: number): void;
  setDataset(dataset: InspectDataset | null): void;
  toggleInitialiser(name: InitName): void;
}

/** The run when it belongs to this document or to one that computes the same; null otherwise. */
export function currentRun<R extends EngineRun<unknown>>(run: R | null | undefined, model: ModelJson): R | null {
  return run && sameComputation(run.model, model) ? run : null;
}

const flagCache = new WeakMap<InspectResult, ReadonlyMap<string, GradientFlag>>();

/** The vanishing and exploding flags of an inspection by node id. */
export function flagsOf(result: InspectResult): ReadonlyMap<string, GradientFlag> {
  let flags = flagCache.get(result);
  if (!flags) {
    flags = new Map(result.flow.flatMap((entry) => (entry.flag ? [[entry.nodeId, entry.flag] as const] : [])));
    flagCache.set(result, flags);
  }
  return flags;
}

/** The initialisers the comparison offers, in the order it plots them. */
export const OFFERED_INITIALISERS: readonly InitName[] = [
  'zeros',
  'small_random',
  'sparse',
  'calibrated',
  'glorot_uniform',
  'glorot_normal',
  'he_uniform',
  'he_normal',
];

// Each slot's latest request; a reply to an older one is dropped.
const latest = new Map<string, number>();
let requests = 0;

function claim(slot: string): () => boolean {
  const token = ++requests;
  latest.set(slot, token);
  return () => latest.get(slot) === token;
}

export const useInspectStore = create<InspectState>()((set, get) => ({
  inspection: null,
  gradchecks: {},
  initCompare: null,
  thresholds: readThresholds(),
  trainSteps: 50,
  initialisers: DEFAULT_INITIALISERS,
  dataset: null,

  async inspect(client, model, steps = 0) {
    const dataset = get().dataset ?? undefined;
    const isLatest = claim('inspection');
    set({
      inspection: { model, status: 'running', steps, dataset, result: currentRun(get().inspection, model)?.result },
    });
    const { vanishingRatio, explodingFactor } = get().thresholds;
    try {
      const result = await client.request('inspect', { steps, dataset, vanishingRatio, explodingFactor });
      if (isLatest()) set({ inspection: { model, status: 'done', steps, dataset, result } });
    } catch (e) {
      const error = failure(e);
      if (isLatest()) set({ inspection: { model, status: 'error', steps, dataset, error } });
    }
  },

  async gradcheck(client, model, nodeId) {
    const key = nodeId ?? WHOLE_GRAPH;
    const isLatest = claim(`gradcheck:${key}`);
    const put = (run: EngineRun<GradcheckResult>) => {
      if (isLatest()) set((s) => ({ gradchecks: { ...s.gradchecks, [key]: run } }));
    };
    put({ model, status: 'running' });
    try {
      put({ model, status: 'done', result: await client.request('gradcheck', nodeId ? { nodeId } : {}) });
    } catch (e) {
      put({ model, status: 'error', error: failure(e) });
    }
  },

  async compareInits(client, model) {
    const isLatest = claim('init-compare');
    const put = (run: EngineRun<InitCompareResult>) => {
      if (isLatest()) set({ initCompare: run });
    };
    put({ model, status: 'running', result: currentRun(get().initCompare, model)?.result });
    const { vanishingRatio, explodingFactor } = get().thresholds;
    try {
      const initialisers = [...get().initialisers];
      put({
        model,
        status: 'done',
        result: await client.request('init-compare', { initialisers, vanishingRatio, explodingFactor }),
      });
    } catch (e) {
      put({ model, status: 'error', error: failure(e) });
    }
  },

  setThresholds(thresholds) {
    saveThresholds(thresholds);
    set({ thresholds });
  },

  setTrainSteps: (steps) => set({ trainSteps: steps }),

  setDataset: (dataset) => set({ dataset }),

  toggleInitialiser(name) {
    const chosen = get().initialisers;
    const next = chosen.includes(name) ? chosen.filter((n) => n !== name) : [...chosen, name];
    // Kept in the order they are offered, so the charts' colours do not depend on the clicking.
    if (next.length) set({ initialisers: OFFERED_INITIALISERS.filter((n) => next.includes(n)) });
  },
}));

/** The reason a request failed, in words for the panel that asked. */
function failure(thrown: unknown): string {
  const error = asClientError(thrown);
  if (error.code === 'no-model') return 'The engine has no runnable graph: fix the issues shown on the canvas first.';
  return error.message.charAt(0).toUpperCase() + error.message.slice(1);
}

/** Back to the state a page starts with (tests). */
export function resetInspectStore(): void {
  latest.clear();
  useInspectStore.setState({
    inspection: null,
    gradchecks: {},
    initCompare: null,
    thresholds: { ...DEFAULT_THRESHOLDS },
    trainSteps: 50,
    initialisers: DEFAULT_INITIALISERS,
    dataset: null,
  });
}
