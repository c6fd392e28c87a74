import type { SeriesFan } from './readSeriesCsv.ts';

/** Weeks either side of the due week whose capacity changes count as background (a quarter: the steady-growth cohorts arrive every 13 weeks). */
const BACKGROUND_WEEKS = 13;
/** The project must be this many times the largest background change for its week's change to speak for it. */
const CLEAR_MULTIPLE = 5;

/**
 * Whether a scripted project came on stream in its due week in the runs, read from its cell's
 * capacity fan: the mean's rise in that week, as a share of the project's capacity, is about the
 * share of runs in which it came then (the rest wait in financing, or never pay). 'all' for at least
 * 90%, 'most' for at least half, 'few' below; undefined when the fan cannot tell (no mean, no row
 * for that week, or other capacity changes as large as a fifth of the project in the weeks around).
 *
 * @param fan - The cell's capacity fan (t/yr), with its mean.
 * @param year - Calendar year of the due week.
 * @param capacityTonnesPerYear - The project's capacity.
 * @param otherYears - Due weeks of the cell's other scripted projects: their steps are not background.
 * @returns 'all', 'most', 'few' or undefined.
 * @example
 * checkArrivalInFan(usGraphiteCapacity, 2028.731, 45000); // 'few': the Syrah expansion does not pay in these runs
 */
export function checkArrivalInFan(fan: SeriesFan, year: number, capacityTonnesPerYear: number, otherYears: readonly number[] = []): 'all' | 'most' | 'few' | undefined {
  const mean = fan.mean;
  if (mean === undefined || fan.year.length < 2 || !(capacityTonnesPerYear > 0)) return undefined;
  // From the whole span: series.csv rounds years to 3 decimals, so one week's difference is off by 2%.
  const step = (fan.year[fan.year.length - 1] - fan.year[0]) / (fan.year.length - 1);
  const t = Math.round((year - fan.year[0]) / step);
  if (t < 1 || t >= mean.length || Math.abs(fan.year[t] - year) > step / 2) return undefined;
  const rise = (i: number): number => mean[i] - mean[i - 1];
  const indexOf = (y: number): number => Math.round((y - fan.year[0]) / step);
  const known = new Set(otherYears.map(indexOf));
  // Another scripted project due the same week: the rise is theirs together, so it cannot speak for this one.
  if (known.has(t)) return undefined;
  let background = 0;
  for (let i = Math.max(1, t - BACKGROUND_WEEKS); i <= Math.min(mean.length - 1, t + BACKGROUND_WEEKS); i++) {
    if (i !== t && !known.has(i) && Number.isFinite(rise(i))) background = Math.max(background, Math.abs(rise(i)));
  }
  if (!Number.isFinite(rise(t)) || capacityTonnesPerYear < CLEAR_MULTIPLE * background) return undefined;
  const share = rise(t) / capacityTonnesPerYear;
  return share >= 0.9 ? 'all' : share >= 0.5 ? 'most' : 'few';
}
