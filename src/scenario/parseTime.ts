import { parseQuantity } from './parseQuantity.ts';

/**
 * Event times: a calendar date (`2010`, `2010-07`, `2010-07-15`), a duration since the scenario
 * start (`18 months`, `1.5 yr`) or a plain number of years since the start. Plain numbers of 1800
 * or more are calendar years. Dates become years since 1 January of `startYear`, months as
 * twelfths and days as fractions of their month.
 */

/** Plain numbers at or above this are read as calendar years rather than years since start. */
export const CALENDAR_YEAR_THRESHOLD = 1800;

/** Result of parsing a time. */
export type TimeResult = { ok: true; value: number } | { ok: false; expected: string; note: string };

/** What an event time accepts, for messages. */
export const TIME_EXPECTED = 'a date (2010, 2010-07, 2010-07-15), a duration since start (18 months) or years';

const DATE = /^\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*$/;

/** Days in `month` (1–12) of `year`, Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A date as (calendar year, fraction of that year), 'invalid' for impossible dates, else undefined. */
function dateParts(text: string): [number, number] | 'invalid' | undefined {
  const match = DATE.exec(text);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = match[2] === undefined ? 1 : Number(match[2]);
  const day = match[3] === undefined ? 1 : Number(match[3]);
  if (month < 1 || month > 12) return 'invalid';
  const days = daysInMonth(year, month);
  if (day < 1 || day > days) return 'invalid';
  return [year, (month - 1) / 12 + (day - 1) / days / 12];
}

/**
 * Parses a calendar date into a fractional calendar year, 'invalid' for an impossible date, or
 * undefined when `text` is not a date. Example: `parseCalendarDate('2010-07')` → `2010.5`.
 */
export function parseCalendarDate(text: string): number | undefined | 'invalid' {
  const parts = dateParts(text);
  return Array.isArray(parts) ? parts[0] + parts[1] : parts;
}

/**
 * Converts an event time (number or string) to years since 1 January of `startYear`.
 * Example: `parseTime('2026-01', 2025)` → `{ ok: true, value: 1 }`; `parseTime('18 months', 2025)` → 1.5.
 */
export function parseTime(value: number | string, startYear: number): TimeResult {
  if (typeof value === 'number') {
    return { ok: true, value: value >= CALENDAR_YEAR_THRESHOLD ? value - startYear : value };
  }
  const date = dateParts(value);
  if (date === 'invalid') return { ok: false, expected: TIME_EXPECTED, note: 'no such calendar date' };
  if (date !== undefined) return { ok: true, value: date[0] - startYear + date[1] };
  const duration = parseQuantity(value, 'years');
  if (duration.ok) return duration;
  return { ok: false, expected: TIME_EXPECTED, note: duration.note };
}

/**
 * Writes a time in years since 1 January of `startYear` as the calendar date it stands for, for
 * messages: `YYYY-MM` on the first of a month, else `YYYY-MM-DD` (the inverse of {@link parseTime}
 * for dates). Example: `formatCalendarDate(1.5, 2025)` → `2026-07`; a non-finite time → `never`.
 */
export function formatCalendarDate(years: number, startYear: number): string {
  // Months since year 0, rounded so that float noise (2026-03 is 1 + 2/12 years) does not cross a month.
  const months = Math.round((startYear + years) * 12 * 1e6) / 1e6;
  if (!Number.isFinite(months)) return 'never';
  const whole = Math.floor(months);
  const year = Math.floor(whole / 12);
  const month = whole - year * 12 + 1;
  const days = daysInMonth(year, month);
  const day = Math.min(days, Math.round((months - whole) * days) + 1);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const yearMonth = `${year < 0 ? '-' : ''}${pad(Math.abs(year), 4)}-${pad(month, 2)}`;
  return day === 1 ? yearMonth : `${yearMonth}-${pad(day, 2)}`;
}
