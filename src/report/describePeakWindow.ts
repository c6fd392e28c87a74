import { formatScenarioDate } from './formatScenarioDate.ts';
import type { PeakWindow } from './readImpactJson.ts';

/**
 * The disruption window of a measured peak price in words: `Oct 2025 to Jul 2028` (from the events'
 * first announcement to a year after their end, impact.json's `window`), and when the scenario draws
 * its event times, the range of the runs' own windows.
 *
 * @param window - Calendar years, decimal.
 * @returns The two months.
 * @example
 * describePeakWindow({ fromYear: 2025.75, toYear: 2028.5 }); // 'Oct 2025 to Jul 2028'
 * describePeakWindow({ fromYear: 2025.75, toYear: 2028.5, drawn: { fromYear: [2025.5, 2026], toYear: [2028.25, 2029] } });
 * // 'Oct 2025 to Jul 2028 at the scenario's nominal event times, each run in its own window (from Jul 2025–Jan 2026 to Apr 2028–Jan 2029, …)'
 */
export function describePeakWindow(window: PeakWindow): string {
  // formatScenarioDate counts years from a start year: from year 0, the calendar year itself.
  const month = (year: number): string => formatScenarioDate(0, year);
  const nominal = `${month(window.fromYear)} to ${month(window.toYear)}`;
  if (window.drawn === undefined) return nominal;
  const span = ([low, high]: [number, number]): string => (month(low) === month(high) ? month(low) : `${month(low)}–${month(high)}`);
  return `${nominal} at the scenario's nominal event times, each run in its own window (from ${span(window.drawn.fromYear)} to ${span(window.drawn.toYear)}, as its drawn event times fall)`;
}
