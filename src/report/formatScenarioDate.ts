const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * Turns a time in years since the scenario start into a month and year, e.g. `Jan 2026`.
 *
 * @param startYear - Calendar year of the start.
 * @param years - Years since the start.
 * @returns The date; "n/a" when either number is not finite.
 * @example
 * formatScenarioDate(2025, 0.75); // 'Oct 2025'
 */
export function formatScenarioDate(startYear: number, years: number): string {
  if (!Number.isFinite(startYear) || !Number.isFinite(years)) return 'n/a';
  const months = Math.round((startYear + years) * 12);
  return `${MONTHS[((months % 12) + 12) % 12]} ${Math.floor(months / 12)}`;
}
