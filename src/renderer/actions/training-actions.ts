import { applySearchConfigAction } from './apply-search-config';
import { loadWeightsAction } from './load-weights';
import { resetWeightsAction } from './reset-weights';
import { setNodeTrainingAction } from './set-node-training';
import { updateTrainingAction } from './update-training';

/** The training panel's and the inspector's training commands, registered with the others in registry.ts. */
export const trainingActions = {
  'update-training': updateTrainingAction,
  'set-node-training': setNodeTrainingAction,
  'load-weights': loadWeightsAction,
  'reset-weights': resetWeightsAction,
  'apply-search-config': applySearchConfigAction,
};
