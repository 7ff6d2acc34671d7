import { useCallback } from 'react';
import type { TrainDoneResult } from '../../protocol/training';
import { useEngineClient } from '../engine-client/engine-context';
import { useGraphStore } from '../stores/graph-store';
import { useTrainingStore } from '../stores/training-store';
import { commitTrainedWeights, trainStartParams } from './training-commands';

export interface TrainingRunCommands {
  start(): void;
  pause(): void;
  resume(): void;
  stop(): void;
}

/** Start, pause, resume and stop for the panel's buttons: the document as it is now goes to the engine. */
export function useTrainingRun(): TrainingRunCommands {
  const client = useEngineClient();
  const start = useCallback(() => {
    const { csvFile, labelType, start: run } = useTrainingStore.getState();
    const { model, documentId } = useGraphStore.getState();
    const commit = (result: TrainDoneResult) => commitTrainedWeights(result, documentId);
    void run(client, trainStartParams(model, csvFile, labelType), commit, documentId);
  }, [client]);
  const pause = useCallback(() => void useTrainingStore.getState().pause(client), [client]);
  const resume = useCallback(() => void useTrainingStore.getState().resume(client), [client]);
  const stop = useCallback(() => void useTrainingStore.getState().stop(client), [client]);
  return { start, pause, resume, stop };
}
