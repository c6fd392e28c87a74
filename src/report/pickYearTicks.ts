/**
 * Chooses the calendar years to label on a time axis: a step of 1, 2, 4, 5 or 10 years giving
 * at most `maxTicks` labels, placed on multiples of the step inside [first, last].
 *
 * @param first - First year shown (may be fractional).
 * @param last - Last year shown.
 * @param maxTicks - Most labels wanted (default 3: small multiples are narrow).
 * @returns Whole years, ascending.
 * @example
 * pickYearTicks(2025, 2034.98); // [2028, 2032]
 */
export function pickYearTicks(first: number, last: number, maxTicks = 3): number[] {
  if (!(last >= first)) return [];
  const span = last - first;
  const step = [1, 2, 4, 5, 10, 20, 50].find((s) => Math.floor(span / s) + 1 <= maxTicks) ?? 100;
  const ticks: number[] = [];
  for (let year = Math.ceil(first / step) * step; year <= last; year += step) ticks.push(year);
  return ticks.length > 0 ? ticks : [Math.ceil(first)].filter((y) => y <= last);
}
