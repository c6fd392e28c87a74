import type { SeriesFan } from './readSeriesCsv.ts';

/**
 * True when a fan is zero in every run: every defined value of every band (5th to 95th
 * percentile) and of the mean over runs (when series.csv has it) is zero (a stockpile never
 * held, a shortfall that never happens, capacity a region does not have), or no value is defined
 * at all. Bands alone are not enough: a shortfall in one run of forty leaves every percentile up
 * to the 95th at zero, but not the mean. A constant non-zero fan is drawn: "does not change" is a finding.
 *
 * @param fan - Bands (and mean) of one series.
 * @returns Whether every run is zero throughout.
 * @example
 * isZeroFan({ ...id, year: [0, 1], p5: [0, 0], p25: [0, 0], p50: [0, 0], p75: [0, 0], p95: [0, 0] }); // true
 * isZeroFan({ ...id, year: [0, 1], p5: [0, 0], p25: [0, 0], p50: [0, 0], p75: [0, 0], p95: [0, 0], mean: [0, 13] }); // false
 */
export function isZeroFan(fan: SeriesFan): boolean {
  return isZeroInBands(fan) && allZero(fan.mean ?? []);
}

/**
 * True when every defined value of the fan's bands (5th to 95th percentile) is zero, whatever
 * its mean: in every week at least 95% of runs are at zero, so the fan chart would be an empty
 * line at zero, yet a few runs may not be (see {@link isZeroFan}).
 *
 * @param fan - Bands of one series.
 * @returns Whether the drawn bands would all lie at zero.
 * @example
 * isZeroInBands({ ...id, year: [0], p5: [0], p25: [0], p50: [0], p75: [0], p95: [0], mean: [13] }); // true
 */
export function isZeroInBands(fan: SeriesFan): boolean {
  return [fan.p5, fan.p25, fan.p50, fan.p75, fan.p95].every(allZero);
}

function allZero(values: readonly number[]): boolean {
  for (const value of values) if (!Number.isNaN(value) && value !== 0) return false;
  return true;
}
