import type { SeriesFan } from './readSeriesCsv.ts';

/**
 * True when a fan carries nothing to draw: every defined value of every band is zero (a
 * stockpile never held, a shortfall that never happens, capacity a region does not have), or no
 * value is defined at all. A constant non-zero fan is drawn: "does not change" is a finding.
 *
 * @param fan - Bands of one series.
 * @returns Whether the chart would be an empty line at zero.
 * @example
 * isZeroFan({ ...id, year: [0, 1], p5: [0, 0], p25: [0, 0], p50: [0, 0], p75: [0, 0], p95: [0, 0] }); // true
 */
export function isZeroFan(fan: SeriesFan): boolean {
  for (const band of [fan.p5, fan.p25, fan.p50, fan.p75, fan.p95]) {
    for (const value of band) if (!Number.isNaN(value) && value !== 0) return false;
  }
  return true;
}
