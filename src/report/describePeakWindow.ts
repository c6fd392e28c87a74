import { formatLastMonthBefore, formatScenarioDate } from './formatScenarioDate.ts';
import type { PeakWindow } from './readImpactJson.ts';

/**
 * The disruption window of a measured peak price in words: `Oct 2025 to Jun 2028` (from the events'
 * first announcement to a year after their end, impact.json's `window`), and when the scenario draws
 * its event times, the range of the runs' own windows. The window's end is exclusive (it ends at the
 * start of Jul 2028), so the last month named is the last one inside it: printed as "to Jul 2028" it
 * read as a month later than the answer box's "up to Jun 2028" for the same window (user audit,
 * session 35).
 *
 * @param window - Calendar years, decimal.
 * @returns The two months.
 * @example
 * describePeakWindow({ fromYear: 2025.75, toYear: 2028.5 }); // 'Oct 2025 to Jun 2028'
 * describePeakWindow({ fromYear: 2025.75, toYear: 2028.5, drawn: { fromYear: [2025.5, 2026], toYear: [2028.25, 2029] } });
 * // 'Oct 2025 to Jun 2028 at the scenario's nominal event times, each run in its own window (from Jul 2025–Jan 2026 to Mar 2028–Dec 2028, …)'
 */
export function describePeakWindow(window: PeakWindow): string {
  // formatScenarioDate counts years from a start year: from year 0, the calendar year itself.
  const first = (year: number): string => formatScenarioDate(0, year);
  const last = (year: number): string => formatLastMonthBefore(0, year);
  const nominal = `${first(window.fromYear)} to ${last(window.toYear)}`;
  if (window.drawn === undefined) return nominal;
  const span = ([low, high]: [number, number], month: (year: number) => string): string => (month(low) === month(high) ? month(low) : `${month(low)}–${month(high)}`);
  return `${nominal} at the scenario's nominal event times, each run in its own window (from ${span(window.drawn.fromYear, first)} to ${span(window.drawn.toYear, last)}, as its drawn event times fall)`;
}
