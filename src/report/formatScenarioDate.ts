const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A millionth of a month: a month start computed in floating point (2026 + 5/12, a tick's 52nds) may
 * land a hair before the month it starts; taking this off or on decides which side it falls.
 */
const MONTH_EPSILON = 1e-6;

/**
 * Turns a time in years since the scenario start into the month that contains it, e.g. `Jan 2026`.
 * The month that contains it, not the nearest month start: a price that falls below its start on 18
 * June is said to fall in Jun, not Jul (user audit, session 31: rounding printed "falls back in Jul
 * 2027, while an event is still in force (until Jul 2027)").
 *
 * @param startYear - Calendar year of the start.
 * @param years - Years since the start.
 * @returns The date; "n/a" when either number is not finite.
 * @example
 * formatScenarioDate(2025, 0.75); // 'Oct 2025'
 * formatScenarioDate(2027, 0.46); // 'Jun 2027' (18 June)
 */
export function formatScenarioDate(startYear: number, years: number): string {
  if (!Number.isFinite(startYear) || !Number.isFinite(years)) return 'n/a';
  return formatMonthIndex(Math.floor((startYear + years) * 12 + MONTH_EPSILON));
}

/**
 * The last month before an exclusive end, e.g. `Jun 2027` for an 18-month event from Jan 2026 that
 * ends at the start of Jul 2027: the last month it is in force, which a range "Jan 2026 – Jun 2027"
 * needs (its end printed as Jul 2027 read as in force in July too).
 *
 * @param startYear - Calendar year of the start.
 * @param endYears - The exclusive end, in years since the start.
 * @returns The month; "n/a" when either number is not finite.
 * @example
 * formatLastMonthBefore(2025, 2.5); // 'Jun 2027'
 * formatLastMonthBefore(2026, 0.7); // 'Sep 2026' (an end within September)
 */
export function formatLastMonthBefore(startYear: number, endYears: number): string {
  if (!Number.isFinite(startYear) || !Number.isFinite(endYears)) return 'n/a';
  return formatMonthIndex(Math.ceil((startYear + endYears) * 12 - MONTH_EPSILON) - 1);
}

/** Months since year 0 as `Mon YYYY`. */
function formatMonthIndex(months: number): string {
  return `${MONTHS[((months % 12) + 12) % 12]} ${Math.floor(months / 12)}`;
}
