import { formatNumber } from './formatNumber.ts';

/**
 * Formats a number of weeks: whole weeks from 10 up, one decimal below ("2.5 weeks").
 *
 * @param weeks - Weeks (NaN → "n/a").
 * @returns The number as text, without the word "weeks".
 * @example
 * formatWeeks(45.3); // '45'
 */
export function formatWeeks(weeks: number): string {
  if (!Number.isFinite(weeks)) return 'n/a';
  return Math.abs(weeks) >= 10 ? formatNumber(Math.round(weeks), 21) : formatNumber(Math.round(weeks * 10) / 10, 21);
}
