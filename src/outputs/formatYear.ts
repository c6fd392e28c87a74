/**
 * Formats the calendar year of a tick, startYear + tick / ticksPerYear, with a fixed number of
 * decimals chosen from ticksPerYear (0 for yearly ticks, else enough to tell ticks apart:
 * ⌈log10(ticksPerYear)⌉ + 1, e.g. 3 for monthly or weekly ticks). Uses `toFixed`, which is
 * locale-independent.
 *
 * @param startYear - Calendar year at tick 0.
 * @param tick - Tick index.
 * @param ticksPerYear - Ticks per year (positive).
 * @returns The year as text, e.g. `2025.019`.
 * @example
 * formatYear(2025, 1, 52); // '2025.019'
 */
export function formatYear(startYear: number, tick: number, ticksPerYear: number): string {
  const decimals = ticksPerYear <= 1 ? 0 : Math.ceil(Math.log10(ticksPerYear)) + 1;
  return (startYear + tick / ticksPerYear).toFixed(decimals);
}
