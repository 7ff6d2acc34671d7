/**
 * A learning-rate schedule: the rate for global step t, the number of updates applied before this
 * one (0 for the first update), as TensorFlow's LearningRateSchedule is called with
 * optimizer.iterations.
 */
export type Schedule = (step: number) => number;

export function constantSchedule(learningRate: number): Schedule {
  return () => learningRate;
}

/** t / T, floored when the schedule is a staircase (the rate changes once every T steps). */
export function decayProgress(step: number, decaySteps: number, staircase: boolean): number {
  const p = step / decaySteps;
  return staircase ? Math.floor(p) : p;
}
