/**
 * Arithmetic mean with Neumaier-compensated summation.
 *
 * Floating-point addition is not associative, so the result can differ in the last bit between
 * two orderings of the same values; callers that need a pure function of the multiset (bands,
 * summaries) pass values sorted ascending. NaN propagates: filter it out first if it means "undefined".
 *
 * Algorithm: Neumaier, "Rundungsfehleranalyse einiger Verfahren zur Summation endlicher Summen",
 * ZAMM 54 (1974).
 *
 * @param values - Numbers to average (any unit; the mean has the same unit).
 * @returns The mean, or NaN for an empty input.
 * @example
 * mean([1, 2, 3, 4]); // 2.5
 */
export function mean(values: ArrayLike<number>): number {
  const n = values.length;
  if (n === 0) return NaN;
  let sum = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const x = values[i];
    const t = sum + x;
    if (Math.abs(sum) >= Math.abs(x)) compensation += sum - t + x;
    else compensation += x - t + sum;
    sum = t;
  }
  return (sum + compensation) / n;
}
