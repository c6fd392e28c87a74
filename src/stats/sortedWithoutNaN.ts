/**
 * Copies the non-NaN values into a new Float64Array sorted ascending.
 *
 * Sorting first makes every statistic computed from the copy a pure function of the multiset
 * of values, whatever order they arrived in.
 *
 * @param values - Numbers, NaN meaning "undefined" (±Infinity is kept).
 * @returns The sorted non-NaN values.
 * @example
 * sortedWithoutNaN([3, NaN, 1]); // Float64Array [1, 3]
 */
export function sortedWithoutNaN(values: ArrayLike<number>): Float64Array {
  let count = 0;
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i])) count++;
  const sorted = new Float64Array(count);
  let j = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    if (!Number.isNaN(x)) sorted[j++] = x;
  }
  return sorted.sort();
}
