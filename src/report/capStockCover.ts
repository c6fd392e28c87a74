import type { SeriesFan } from './readSeriesCsv.ts';

/**
 * Most days of stock cover a fan chart draws. Stock cover is stock ÷ sales (recordTick.ts): when a
 * stage's sales fall near zero (plants standing idle) it runs to thousands of days (US cobalt
 * refiners reached ~5,000 in the reference run, user audit 24, L2), which says the plants are idle,
 * not that stocks are ample, and flattens every other week of the chart. A year is well above the
 * cover firms hold in normal weeks (about 130 days for refiners at the start).
 */
export const STOCK_COVER_CAP_DAYS = 365;

/** A stock-cover fan clipped for drawing, and what was clipped. */
export interface CappedStockCover {
  /** The fan with every band and the median at most `cap`. */
  fan: SeriesFan;
  /** Whether any drawn value (p5…p95) was above the cap. */
  clipped: boolean;
  /** The highest value of the 95th percentile before clipping (NaN for none). */
  highest: number;
  /** Calendar years (decimal) of the first and last week whose median was above the cap; undefined when none was. */
  medianAbove?: [number, number];
}

/**
 * Clips a stock-cover fan at `cap` days so a ratio with a near-zero denominator does not set the
 * chart's scale; the caller says so in the chart's note.
 *
 * @param fan - An `inventoryDays` fan (days).
 * @param cap - Most days drawn.
 * @returns The clipped fan and what was clipped.
 * @example
 * capStockCover(fan, 365).clipped; // true when the 95th percentile ever exceeds a year
 */
export function capStockCover(fan: SeriesFan, cap = STOCK_COVER_CAP_DAYS): CappedStockCover {
  const clip = (values: number[]): number[] => values.map((v) => (Number.isFinite(v) ? Math.min(v, cap) : v));
  const bands = [fan.p5, fan.p25, fan.p50, fan.p75, fan.p95];
  const clipped = bands.some((values) => values.some((v) => v > cap));
  const highest = Math.max(...fan.p95.filter(Number.isFinite));
  const above = fan.p50.flatMap((v, t) => (v > cap ? [fan.year[t]] : []));
  return {
    fan: clipped ? { ...fan, p5: clip(fan.p5), p25: clip(fan.p25), p50: clip(fan.p50), p75: clip(fan.p75), p95: clip(fan.p95) } : fan,
    clipped, highest: Number.isFinite(highest) ? highest : NaN,
    ...(above.length > 0 ? { medianAbove: [above[0], above[above.length - 1]] as [number, number] } : {}),
  };
}
