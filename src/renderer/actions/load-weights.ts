import { type CopiedParam, copyWeightsFrom, type SkippedParam } from '../../core/graph/copy-weights';
import { validateModel } from '../../core/graph/load';
import type { ModelJson } from '../../core/graph/model';
import { always, defineAction, refuse } from './types';

export interface LoadWeightsArgs {
  /** The other model file's text. */
  text: string;
  fileName: string;
}

export interface LoadWeightsReport {
  copied: CopiedParam[];
  skipped: SkippedParam[];
}

/**
 * Copies the stored weights of another model file into this one, node by node where id, name
 * and shape agree (pre-training, then fine-tuning). What could not be copied is reported.
 */
export const loadWeightsAction = defineAction<LoadWeightsArgs, LoadWeightsReport>({
  label: 'Load weights',
  enabled: always,
  perform(state, { text, fileName }) {
    let source: unknown;
    try {
      source = JSON.parse(text);
    } catch (e) {
      return refuse(`${fileName} is not JSON: ${(e as Error).message}`);
    }
    const checked = validateModel(source);
    if (!checked.model) return refuse(`${fileName} is not a model file.`, { issues: checked.issues });
    let result: ReturnType<typeof copyWeightsFrom>;
    try {
      result = copyWeightsFrom(state.model, checked.model as ModelJson);
    } catch (e) {
      return refuse(`The weights could not be copied: ${(e as Error).message}`);
    }
    const value = { copied: result.copied, skipped: result.skipped };
    if (result.copied.length === 0) return { ok: true, value };
    // copyWeightsFrom parses the model (filling defaults); only the parameters are taken from it.
    const params = new Map(result.model.nodes.map((n) => [n.id, n.params]));
    const nodes = state.model.nodes.map((n) => {
      const p = params.get(n.id);
      return p ? { ...n, params: p } : n;
    });
    return { ok: true, value, edit: { model: { ...state.model, nodes } } };
  },
});
