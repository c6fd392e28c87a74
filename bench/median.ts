/** Median of a non-empty list (mean of the two middle values for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A figure's spread over its runs: [smallest, largest] (stored beside the median in bench/baseline.json). */
export type Range = [number, number];

/** Smallest and largest of a non-empty list. */
export function rangeOf(values: readonly number[]): Range {
  return values.length === 0 ? [NaN, NaN] : [Math.min(...values), Math.max(...values)];
}
