import { type SampleJson, sampleJson } from '../../core/graph/model';
import { always, defineAction, refuse } from './types';

export interface SetSampleArgs {
  /** The input and target rows a pass runs on; undefined removes them. */
  sample: SampleJson | undefined;
}

/** Sets the model's sample, as one undoable edit. */
export const setSampleAction = defineAction<SetSampleArgs, void>({
  label: 'Set sample',
  enabled: always,
  perform(state, { sample }) {
    if (sample) {
      const parsed = sampleJson.safeParse(sample);
      if (!parsed.success) return refuse(`The sample is not valid: ${parsed.error.issues[0]?.message ?? 'unreadable'}`);
    }
    if (JSON.stringify(state.model.sample) === JSON.stringify(sample)) return { ok: true, value: undefined };
    const { sample: _previous, ...rest } = state.model;
    return { ok: true, value: undefined, edit: { model: sample ? { ...state.model, sample } : rest } };
  },
});
