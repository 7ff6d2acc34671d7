import type { TrainControlAction, TrainControlResult } from '../protocol/training';

/**
 * Pause, resume and stop for the run in progress. The run polls it between steps; train-control
 * sets it from a message handled while the run yields, so a stop takes effect at the next step.
 */
export class RunSwitch {
  private stopRequested = false;
  private pausedNow = false;

  get stopped(): boolean {
    return this.stopRequested;
  }

  get paused(): boolean {
    return this.pausedNow && !this.stopRequested;
  }

  apply(action: TrainControlAction): TrainControlResult['state'] {
    if (action === 'stop') this.stopRequested = true;
    else if (!this.stopRequested) this.pausedNow = action === 'pause';
    return this.state;
  }

  get state(): TrainControlResult['state'] {
    if (this.stopRequested) return 'stopping';
    return this.pausedNow ? 'paused' : 'running';
  }
}

/** Waits while the switch is paused, polling often enough for a resume or stop to be seen at once. */
export async function waitWhilePaused(run: RunSwitch, wait: (ms: number) => Promise<void>): Promise<void> {
  while (run.paused) await wait(10);
}
