import { ModelError, type ModelJson, type Plan, validateModel } from '../core';
import type { EngineEvent } from '../protocol/messages';
import type { RequestOf } from '../protocol/requests';
import type { DatasetPreviewResult, SearchDoneResult, TrainControlResult, TrainDoneResult } from '../protocol/training';
import type { EngineBackends } from './backends';
import { RequestError } from './errors';
import { RunSwitch } from './training-control';
import { DatasetSources, type EngineResources } from './training-data';
import { runPerceptron } from './training-perceptron';
import { previewDataset } from './training-preview';
import { type RunContext, runBackprop } from './training-run';
import { runSearch } from './training-search';

export interface TrainingRunnerOptions {
  backends: EngineBackends;
  /** Told when a run loses the GPU, so the session can move to the CPU. */
  onDeviceLost?: (e: unknown) => void;
  emit?: (event: EngineEvent) => void;
  resources?: EngineResources;
}

/** The model as sent, with this run's overrides, checked the way load checks a model. */
function runModel(request: RequestOf<'train-start'>): Checked {
  const training = { ...request.model.training, ...request.settings };
  if (request.maxEpochs !== undefined) {
    training.epochs = request.maxEpochs;
    training.steps = request.maxSteps;
  } else if (request.maxSteps !== undefined) {
    training.steps = request.maxSteps;
  }
  return checked({ ...request.model, training });
}

interface Checked {
  model: ModelJson;
  plan: Plan;
}

function checked(model: ModelJson): Checked {
  const result = validateModel(model);
  if (!result.model || !result.plan || result.issues.length) {
    throw new ModelError(result.issues.length ? result.issues : [{ message: 'the model could not be read' }]);
  }
  return { model: result.model, plan: result.plan };
}

/**
 * Training runs for one session: at most one at a time (a run or a search), controlled by
 * train-control while it yields. Each run builds its own network from the model it was sent, so
 * loads and steps that arrive meanwhile do not disturb it.
 */
export class TrainingRunner {
  private active: RunSwitch | undefined;
  private readonly sources: DatasetSources;

  constructor(private readonly options: TrainingRunnerOptions) {
    this.sources = new DatasetSources(options.resources ?? {});
  }

  async start(request: RequestOf<'train-start'>): Promise<TrainDoneResult> {
    const { model, plan } = runModel(request);
    return this.exclusive(request.id, async (ctx) => {
      const dataset = await this.sources.forModel(model, plan, request.csv);
      // The perceptron rule updates weights on the host from each sample's output: the CPU's work.
      return model.training?.rule === 'perceptron'
        ? runPerceptron(model, dataset, { ...ctx, backend: this.options.backends.cpu })
        : runBackprop(model, dataset, ctx);
    });
  }

  async search(request: RequestOf<'search-start'>): Promise<SearchDoneResult> {
    const { model, plan } = checked(request.model);
    return this.exclusive(request.id, async (ctx) => {
      const dataset = await this.sources.forModel(model, plan, request.csv);
      return runSearch({ ...request, model }, dataset, ctx);
    });
  }

  control(request: RequestOf<'train-control'>): TrainControlResult {
    return { state: this.active ? this.active.apply(request.action) : 'idle' };
  }

  preview(request: RequestOf<'dataset-preview'>): Promise<DatasetPreviewResult> {
    return previewDataset(request.spec, this.sources, request.csv, request.limit);
  }

  private async exclusive<T>(requestId: number, work: (ctx: RunContext) => Promise<T>): Promise<T> {
    if (this.active) {
      throw new RequestError({
        code: 'busy',
        message: 'a training run is in progress: stop it before starting another',
      });
    }
    const control = new RunSwitch();
    this.active = control;
    try {
      const { backends } = this.options;
      return await work({
        requestId,
        backend: backends.active,
        cpu: backends.cpu,
        lostDevice: (e) => {
          if (!backends.lostDevice(e)) return false;
          this.options.onDeviceLost?.(e);
          return true;
        },
        emit: this.options.emit ?? (() => {}),
        control,
      });
    } finally {
      this.active = undefined;
    }
  }
}
