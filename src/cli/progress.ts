import type { EpochSummary, TrainProgress } from '../core';
import { formatNumber } from './table';

/** What a progress display writes to: process.stderr, or a stand-in in tests. */
export interface ProgressStream {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

const REDRAW_MS = 100;
const BAR_WIDTH = 12;

/**
 * Training progress on stderr. On a terminal: one line redrawn in place with a bar (epoch, step,
 * loss, accuracy, steps/s, time left). Elsewhere (a pipe, a log): a plain line per epoch, unless
 * `quiet` (the --json lines already carry the epochs).
 */
export class ProgressView {
  private readonly started = performance.now();
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: ProgressStream,
    private readonly total: { steps: number; epochs: number },
    private readonly quiet: boolean,
  ) {}

  step(p: TrainProgress): void {
    if (!this.stream.isTTY) return;
    const t = performance.now();
    if (t - this.lastDraw < REDRAW_MS && p.step < this.total.steps) return;
    this.lastDraw = t;
    const seconds = (t - this.started) / 1000;
    const rate = seconds > 0 ? p.step / seconds : 0;
    const left = rate > 0 ? (this.total.steps - p.step) / rate : 0;
    const filled = Math.round((BAR_WIDTH * p.step) / Math.max(1, this.total.steps));
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}]`;
    const accuracy = p.epochAccuracy === undefined ? '' : ` acc ${percent(p.epochAccuracy)}`;
    const line =
      `epoch ${p.epoch + 1}/${this.total.epochs} ${bar} step ${p.step}/${this.total.steps}` +
      ` loss ${formatNumber(p.epochLoss)}${accuracy} ${rate.toFixed(0)} steps/s ${duration(left)} left`;
    const width = this.stream.columns || 120;
    this.stream.write(`\r${line.slice(0, width - 1)}\x1b[K`);
    this.drawn = true;
  }

  epoch(e: EpochSummary, learningRate: number): void {
    if (this.stream.isTTY || this.quiet) return;
    this.stream.write(`${epochLine(e, this.total.epochs, learningRate)}\n`);
  }

  /** Ends the redrawn line, so that whatever follows starts on a line of its own. */
  finish(): void {
    if (this.drawn) this.stream.write('\n');
    this.drawn = false;
  }
}

export function epochLine(e: EpochSummary, epochs: number, learningRate: number): string {
  const parts = [`epoch ${e.epoch + 1}/${epochs}`, `step ${e.step}`, `loss ${formatNumber(e.loss)}`];
  if (e.accuracy !== undefined) parts.push(`accuracy ${percent(e.accuracy)}`);
  if (e.validationLoss !== undefined) parts.push(`val loss ${formatNumber(e.validationLoss)}`);
  if (e.validationAccuracy !== undefined) parts.push(`val accuracy ${percent(e.validationAccuracy)}`);
  parts.push(`lr ${formatNumber(learningRate)}`);
  return parts.join('  ');
}

export function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(1)}%`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes}m${String(Math.ceil(seconds % 60)).padStart(2, '0')}s`;
}
