import type { NestedArray } from '../core/tensor/tensor';

export function formatShape(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

/** Four significant digits, switching to exponent form for very large or small magnitudes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e5 || magnitude < 1e-4) return value.toExponential(3);
  return String(Number(value.toPrecision(4)));
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** Nested values as text, cut short after `limit` numbers so big tensors stay one readable line. */
export function formatValues(values: NestedArray, limit = 12): string {
  let shown = 0;
  let cut = false;
  const walk = (v: NestedArray): string => {
    if (typeof v === 'number') {
      shown++;
      return formatNumber(v);
    }
    const parts: string[] = [];
    for (const item of v) {
      if (shown >= limit) {
        cut = true;
        parts.push('…');
        break;
      }
      parts.push(walk(item));
    }
    return `[${parts.join(', ')}]`;
  };
  const text = walk(values);
  return cut ? `${text} (${countValues(values)} values)` : text;
}

function countValues(values: NestedArray): number {
  return typeof values === 'number' ? 1 : values.reduce<number>((n, v) => n + countValues(v), 0);
}
