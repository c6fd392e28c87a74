import { describe, expect, it } from 'vitest';
import { capStockCover, STOCK_COVER_CAP_DAYS } from '../../src/report/capStockCover.ts';
import type { SeriesFan } from '../../src/report/readSeriesCsv.ts';

const id = { metric: 'inventoryDays', material: 'cobalt', stage: 'processing', region: 'US' };
/** A fan whose median is `p50` and whose other bands are the median ×0.5, ×0.8, ×1.2 and ×3. */
function fan(p50: number[]): SeriesFan {
  const year = p50.map((_, t) => 2025 + t / 4);
  const times = (k: number) => p50.map((v) => v * k);
  return { ...id, year, p5: times(0.5), p25: times(0.8), p50, p75: times(1.2), p95: times(3) };
}

describe('capStockCover', () => {
  it('clips every band at the cap, and says how high the 95th percentile went and when the median was above the cap', () => {
    // 130 days at first, then output near zero: 900 and 2,400 days in the median, back to 120.
    const capped = capStockCover(fan([130, 130, 900, 2400, 120]));
    expect(capped.clipped).toBe(true);
    expect(capped.highest).toBe(7200);
    expect(capped.medianAbove).toEqual([2025.5, 2025.75]);
    for (const band of [capped.fan.p5, capped.fan.p25, capped.fan.p50, capped.fan.p75, capped.fan.p95]) expect(Math.max(...band)).toBeLessThanOrEqual(STOCK_COVER_CAP_DAYS);
    // Values under the cap are left as they are.
    expect(capped.fan.p50[0]).toBe(130);
    expect(capped.fan.p95[4]).toBe(360);
  });

  it('leaves a fan below the cap untouched, with no median above it', () => {
    const low = fan([100, 110, 120]);
    const capped = capStockCover(low);
    expect(capped.clipped).toBe(false);
    expect(capped.fan).toBe(low);
    expect(capped.medianAbove).toBeUndefined();
  });

  it('clips when only the 95th percentile is above the cap (a few runs idle)', () => {
    const capped = capStockCover(fan([130, 200, 130]));
    expect(capped.clipped).toBe(true);
    expect(capped.medianAbove).toBeUndefined();
    expect(capped.fan.p95[1]).toBe(STOCK_COVER_CAP_DAYS);
  });
});
