import type { ModelJson, TensorJson } from '../../core/graph/model';
import type { CsvLabelType, CsvSource, TrainDoneResult, TrainStartParams } from '../../protocol/training';
import { runAction } from '../actions/registry';
import { useGraphStore } from '../stores/graph-store';
import type { CsvFile } from '../stores/training-store';

/** The trained parameters of a result, by node id. */
export function trainedParams(model: ModelJson): Record<string, Record<string, TensorJson>> {
  return Object.fromEntries(model.nodes.filter((n) => n.params).map((n) => [n.id, n.params ?? {}]));
}

/**
 * Stores a run's weights in the document as one undoable edit; says why not when it cannot. A
 * document opened while the run went on is left alone: the weights belong to the one trained.
 */
export function commitTrainedWeights(
  result: TrainDoneResult,
  documentId = useGraphStore.getState().documentId,
): string | null {
  if (useGraphStore.getState().documentId !== documentId) return 'another model was opened while this one trained';
  const params = trainedParams(result.model);
  if (Object.keys(params).length === 0) return null;
  const outcome = runAction('apply-params', { params });
  return outcome.ok ? null : outcome.reason;
}

/** What train-start sends: the document as it is, and the CSV text when its dataset is a file (the label type the file saves, if any). */
export function trainStartParams(model: ModelJson, csvFile: CsvFile | null, labelType: CsvLabelType): TrainStartParams {
  const csv: CsvSource | undefined =
    model.training?.dataset?.csv !== undefined && csvFile
      ? { text: csvFile.text, labelType: model.training.dataset.labelType ?? labelType }
      : undefined;
  return csv ? { model, csv } : { model };
}
