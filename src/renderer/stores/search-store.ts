import { create } from 'zustand';
import type { ModelJson } from '../../core/graph/model';
import type { TrialResult } from '../../core/train/search/search-model';
import type { EngineEvent } from '../../protocol/messages';
import type { CsvSource, SearchDoneResult } from '../../protocol/training';
import { asClientError, type EngineClient } from '../engine-client';
import { defaultSearchForm, type SearchForm, searchRequestOf } from '../training/search-form';

export type SearchStatus = 'idle' | 'running' | 'stopping' | 'done' | 'error';

export interface SearchState {
  form: SearchForm;
  /** The field the last Start could not read, and why. */
  formError: { field: keyof SearchForm; message: string } | null;
  status: SearchStatus;
  trials: TrialResult[];
  total: number;
  result: SearchDoneResult | null;
  error: string | null;
  setForm(patch: Partial<SearchForm>): void;
  start(client: EngineClient, model: ModelJson, csv?: CsvSource): Promise<void>;
  stop(client: EngineClient): Promise<void>;
  receive(event: EngineEvent): void;
}

/** The hyperparameter search: the form, the trials as they finish, and the ranked result. */
export const useSearchStore = create<SearchState>()((set, get) => ({
  form: defaultSearchForm,
  formError: null,
  status: 'idle',
  trials: [],
  total: 0,
  result: null,
  error: null,

  setForm: (patch) => set((s) => ({ form: { ...s.form, ...patch }, formError: null })),

  async start(client, model, csv) {
    if (get().status === 'running' || get().status === 'stopping') return;
    const request = searchRequestOf(get().form);
    if (!request.ok) {
      set({ formError: { field: request.field, message: request.message } });
      return;
    }
    const { space, trials, epochs } = request;
    set({ status: 'running', trials: [], total: trials, result: null, error: null, formError: null });
    const off = client.onEvent((event) => get().receive(event));
    try {
      const result = await client.request('search-start', {
        model,
        method: get().form.method,
        space,
        trials,
        ...(epochs === undefined ? {} : { epochs }),
        ...(csv ? { csv } : {}),
      });
      set({ status: 'done', result, trials: [...result.ranked].sort((a, b) => a.index - b.index) });
    } catch (e) {
      set({ status: 'error', error: asClientError(e).message });
    } finally {
      off();
    }
  },

  async stop(client) {
    if (get().status !== 'running') return;
    set({ status: 'stopping' });
    try {
      await client.request('train-control', { action: 'stop' });
    } catch (e) {
      set({ error: asClientError(e).message });
    }
  },

  receive(event) {
    if (event.type !== 'search-trial' || (get().status !== 'running' && get().status !== 'stopping')) return;
    set((s) => ({ trials: [...s.trials, event.trial], total: event.total }));
  },
}));
