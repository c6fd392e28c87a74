import { formatScenarioDate } from './formatScenarioDate.ts';
import type { PeakWindow } from './readImpactJson.ts';

/**
 * The disruption window of a measured peak price in words: `Oct 2025 to Jul 2028` (from the events'
 * first announcement to a year after their end, impact.json's `window`).
 *
 * @param window - Calendar years, decimal.
 * @returns The two months.
 * @example
 * describePeakWindow({ fromYear: 2025.75, toYear: 2028.5 }); // 'Oct 2025 to Jul 2028'
 */
export function describePeakWindow(window: PeakWindow): string {
  // formatScenarioDate counts years from a start year: from year 0, the calendar year itself.
  return `${formatScenarioDate(0, window.fromYear)} to ${formatScenarioDate(0, window.toYear)}`;
}
