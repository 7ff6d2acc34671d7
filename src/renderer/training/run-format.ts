/** Numbers as the run controls and summary show them. */

export function percent(fraction: number | undefined): string {
  return fraction === undefined || !Number.isFinite(fraction) ? '—' : `${(fraction * 100).toFixed(1)}%`;
}

export function lossText(loss: number | undefined): string {
  if (loss === undefined) return '—';
  if (!Number.isFinite(loss)) return String(loss);
  return loss >= 0.01 || loss === 0 ? loss.toFixed(4) : loss.toExponential(2);
}

export function duration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 1) return '< 1 s';
  if (seconds < 90) return `${Math.round(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 90 ? `${minutes} min ${Math.round(seconds % 60)} s` : `${Math.round(minutes / 60)} h`;
}

export function count(n: number): string {
  return Math.round(n).toLocaleString('en-US');
}
